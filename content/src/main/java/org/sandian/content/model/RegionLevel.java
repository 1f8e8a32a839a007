package org.sandian.content.model;

/**
 * The levels of the 12-digit statistical region code (行政区划代码): province 2 digits, city 2,
 * county 2, township 3, village 3. A code's level is the last non-zero group.
 */
public enum RegionLevel {
    PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(9), VILLAGE(12);

    /** How many leading digits are significant at this level. */
    public final int digits;

    RegionLevel(int digits) {
        this.digits = digits;
    }
}
