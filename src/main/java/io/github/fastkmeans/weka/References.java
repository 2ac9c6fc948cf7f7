package io.github.fastkmeans.weka;

import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/** What FastKMeans tells the GUI about itself: its description and the papers it rests on. */
public final class References {

  private References() {}

  /** The scheme's description for the GUI, followed by its references. */
  public static String globalInfo() {
    return "Exact k-means clustering that uses all cores: Lloyd's iterations from k-means++, random,"
        + " farthest-first, k-means||, AFK-MC2 or given starting centres, with restarts (the lowest"
        + " within-cluster sum of squared errors wins), and empty clusters relocated rather than"
        + " dropped. Numeric attributes are normalised to [0,1] by default and nominal attributes"
        + " compared by value, as in SimpleKMeans; without refinement, from the same starting"
        + " points both give the same clusters. After sampled starts a swap refinement then moves centres"
        + " between regions, which k-means alone cannot, and finds every true cluster far more"
        + " often. The result is bit-for-bit the same for any number of threads.\n\nFor more"
        + " information see:\n\n"
        + technicalInformation().toString();
  }

  /** Lloyd's paper, with the seedings' and the refinement's as additions. */
  public static TechnicalInformation technicalInformation() {
    TechnicalInformation lloyd = new TechnicalInformation(Type.ARTICLE);
    lloyd.setValue(Field.AUTHOR, "S. P. Lloyd");
    lloyd.setValue(Field.TITLE, "Least squares quantization in PCM");
    lloyd.setValue(Field.JOURNAL, "IEEE Transactions on Information Theory");
    lloyd.setValue(Field.VOLUME, "28");
    lloyd.setValue(Field.NUMBER, "2");
    lloyd.setValue(Field.PAGES, "129-137");
    lloyd.setValue(Field.YEAR, "1982");
    TechnicalInformation plusPlus = lloyd.add(Type.INPROCEEDINGS);
    plusPlus.setValue(Field.AUTHOR, "D. Arthur and S. Vassilvitskii");
    plusPlus.setValue(Field.TITLE, "k-means++: the advantages of careful seeding");
    plusPlus.setValue(
        Field.BOOKTITLE,
        "Proceedings of the 18th Annual ACM-SIAM Symposium on Discrete Algorithms");
    plusPlus.setValue(Field.PAGES, "1027-1035");
    plusPlus.setValue(Field.YEAR, "2007");
    TechnicalInformation parallel = lloyd.add(Type.ARTICLE);
    parallel.setValue(
        Field.AUTHOR, "B. Bahmani and B. Moseley and A. Vattani and R. Kumar and S. Vassilvitskii");
    parallel.setValue(Field.TITLE, "Scalable k-means++");
    parallel.setValue(Field.JOURNAL, "Proceedings of the VLDB Endowment");
    parallel.setValue(Field.VOLUME, "5");
    parallel.setValue(Field.NUMBER, "7");
    parallel.setValue(Field.PAGES, "622-633");
    parallel.setValue(Field.YEAR, "2012");
    TechnicalInformation chain = lloyd.add(Type.INPROCEEDINGS);
    chain.setValue(Field.AUTHOR, "O. Bachem and M. Lucic and S. H. Hassani and A. Krause");
    chain.setValue(Field.TITLE, "Fast and Provably Good Seedings for k-Means");
    chain.setValue(Field.BOOKTITLE, "Advances in Neural Information Processing Systems 29");
    chain.setValue(Field.PAGES, "55-63");
    chain.setValue(Field.YEAR, "2016");
    TechnicalInformation localSearch = lloyd.add(Type.INPROCEEDINGS);
    localSearch.setValue(Field.AUTHOR, "S. Lattanzi and C. Sohler");
    localSearch.setValue(Field.TITLE, "A better k-means++ algorithm via local search");
    localSearch.setValue(
        Field.BOOKTITLE, "Proceedings of the 36th International Conference on Machine Learning");
    localSearch.setValue(Field.PAGES, "3662-3671");
    localSearch.setValue(Field.YEAR, "2019");
    return lloyd;
  }
}
