/*
 * The machine's float64 FMA peak, per core and on several cores: each thread runs CHAINS
 * independent chains of AVX-512 fused multiply-adds (vfmadd231pd on zmm registers, 8 doubles, 2
 * flops per lane), enough chains to cover the instruction's latency, written in assembly so that
 * the compiler can neither drop nor spill them. Reports GFLOP/s by wall time and by each thread's
 * CPU time (which other processes on a shared machine do not inflate).
 *
 *   gcc -O2 -mavx512f -pthread -o /tmp/fma_peak src/bench/c/fma_peak.c
 *   /tmp/fma_peak 100000000 1; /tmp/fma_peak 100000000 2
 *
 * docs/benchmarks.md, "The SIMD kernel", gives the figures of this machine.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CHAINS 16

static long iterations;
static double cpu_seconds[64];

static double now(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

#define FMA(i) "vfmadd231pd %%zmm30, %%zmm31, %%zmm" #i "\n\t"

static void *chains(void *arg) {
  long id = (long)arg;
  long n = iterations;
  double start = now(CLOCK_THREAD_CPUTIME_ID);
  __asm__ volatile(
      "vxorpd %%zmm30, %%zmm30, %%zmm30\n\t"
      "vxorpd %%zmm31, %%zmm31, %%zmm31\n"
      "1:\n\t" FMA(0) FMA(1) FMA(2) FMA(3) FMA(4) FMA(5) FMA(6) FMA(7) FMA(8) FMA(9) FMA(10)
          FMA(11) FMA(12) FMA(13) FMA(14) FMA(15) "dec %0\n\t"
      "jnz 1b"
      : "+r"(n)
      :
      : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",
        "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "xmm30", "xmm31", "cc");
  cpu_seconds[id] = now(CLOCK_THREAD_CPUTIME_ID) - start;
  return NULL;
}

int main(int argc, char **argv) {
  iterations = argc > 1 ? atol(argv[1]) : 100000000L;
  int threads = argc > 2 ? atoi(argv[2]) : 1;
  if (threads < 1 || threads > 64) {
    fprintf(stderr, "1 to 64 threads\n");
    return 1;
  }
  pthread_t pool[64];
  double start = now(CLOCK_MONOTONIC);
  for (long i = 0; i < threads; i++) {
    pthread_create(&pool[i], NULL, chains, (void *)i);
  }
  for (int i = 0; i < threads; i++) {
    pthread_join(pool[i], NULL);
  }
  double wall = now(CLOCK_MONOTONIC) - start;
  double flops = (double)iterations * CHAINS * 8 * 2;
  double cpu = 0;
  for (int i = 0; i < threads; i++) {
    cpu += cpu_seconds[i];
  }
  printf("%d thread(s): %.1f GFLOP/s in all by wall time; %.1f GFLOP/s per thread by its CPU time\n",
         threads, flops * threads / wall / 1e9, flops / (cpu / threads) / 1e9);
  return 0;
}
