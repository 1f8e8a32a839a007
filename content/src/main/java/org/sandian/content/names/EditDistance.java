package org.sandian.content.names;

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
public final class EditDistance {

    private EditDistance() {
    }

    public static int between(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) d[i][0] = i;
        for (int j = 0; j <= y.length; j++) d[0][j] = j;
        for (int i = 1; i <= x.length; i++) {
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length][y.length];
    }

    /**
     * How many edits a typo of this length may contain and still be trusted: none for very short
     * words (too many neighbours), one for short ones, two for long Latin words.
     */
    public static int tolerance(String folded) {
        int length = folded.codePointCount(0, folded.length());
        if (TextNormalizer.hasHan(folded)) return length >= 2 ? 1 : 0;
        if (length <= 3) return 0;
        return length <= 6 ? 1 : 2;
    }
}
