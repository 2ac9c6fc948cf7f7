/*
 * What the machine charges for memory written for the first time: maps fresh anonymous memory,
 * writes one byte per 4 KiB page on one thread and then on several, and reports milliseconds per
 * MiB. A JVM pays this when it zeroes an array in heap it has not used before, on the thread that
 * allocates the array; on a bare-metal Linux machine it is a fraction of a millisecond per MiB, on
 * some virtual machines several.
 *
 *   gcc -O2 -pthread -o /tmp/first_touch src/bench/c/first_touch.c
 *   /tmp/first_touch 256 2
 *
 * docs/benchmarks.md, "Work around the fit", tenth round, gives the figures of this machine.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

#define PAGE 4096

struct part {
  char *start;
  size_t bytes;
};

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static void *touch(void *arg) {
  struct part *part = arg;
  for (size_t at = 0; at < part->bytes; at += PAGE) {
    part->start[at] = 1;
  }
  return NULL;
}

/* Milliseconds per MiB to write `mib` MiB of fresh memory on `threads` threads, each its share. */
static double fresh_touch(size_t mib, int threads) {
  size_t bytes = mib << 20;
  char *memory = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) {
    perror("mmap");
    exit(1);
  }
  pthread_t workers[64];
  struct part parts[64];
  double start = now();
  for (int t = 0; t < threads; t++) {
    parts[t].start = memory + t * (bytes / threads);
    parts[t].bytes = bytes / threads;
    pthread_create(&workers[t], NULL, touch, &parts[t]);
  }
  for (int t = 0; t < threads; t++) {
    pthread_join(workers[t], NULL);
  }
  double elapsed = now() - start;
  munmap(memory, bytes);
  return elapsed * 1e3 / mib;
}

int main(int argc, char **argv) {
  size_t mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 256;
  int most = argc > 2 ? atoi(argv[2]) : 2;
  if (mib == 0 || most < 1 || most > 64) {
    fprintf(stderr, "usage: first_touch [MiB > 0] [threads 1-64]\n");
    return 2;
  }
  for (int round = 0; round < 3; round++) {
    for (int threads = 1; threads <= most; threads++) {
      printf("%zu MiB on %d thread%s: %.2f ms per MiB\n", mib, threads, threads == 1 ? "" : "s",
             fresh_touch(mib, threads));
    }
  }
  return 0;
}
