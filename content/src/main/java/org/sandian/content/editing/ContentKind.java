package org.sandian.content.editing;

import java.util.List;
import org.sandian.content.model.ContentMeta;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Price;
import org.sandian.content.store.ContentStores;

/** The kinds of content officers write and review, each with its live collection and record type. */
public enum ContentKind {
    NOTICE(ContentStores.NOTICES, Notice.class),
    GUIDANCE(ContentStores.GUIDANCE, Guidance.class),
    PRICE(ContentStores.PRICES, Price.class);

    public final String collection;
    public final Class<? extends Record> type;

    ContentKind(String collection, Class<? extends Record> type) {
        this.collection = collection;
        this.type = type;
    }

    public static ContentKind parse(String text) {
        for (ContentKind k : values()) {
            if (k.name().equalsIgnoreCase(text) || k.collection.equalsIgnoreCase(text)) return k;
        }
        throw new IllegalArgumentException("unknown content kind: " + text);
    }

    /** The id of a record of this kind. */
    public String idOf(Record r) {
        if (r instanceof Notice n) return n.id();
        if (r instanceof Guidance g) return g.id();
        if (r instanceof Price p) return p.id();
        throw new IllegalArgumentException("not content: " + r);
    }

    public ContentMeta metaOf(Record r) {
        if (r instanceof Notice n) return n.meta();
        if (r instanceof Guidance g) return g.meta();
        if (r instanceof Price p) return p.meta();
        throw new IllegalArgumentException("not content: " + r);
    }

    /** The regions a record applies to (empty: everywhere); a price applies to its market's region. */
    public List<String> scopeOf(Record r, java.util.function.Function<String, String> marketRegion) {
        if (r instanceof Notice n) return n.regionScope() == null ? List.of() : n.regionScope();
        if (r instanceof Guidance g) return g.regionScope() == null ? List.of() : g.regionScope();
        if (r instanceof Price p) {
            String region = marketRegion.apply(p.marketId());
            return region == null ? List.of() : List.of(region);
        }
        throw new IllegalArgumentException("not content: " + r);
    }

    /** The same record with new meta (records are immutable). */
    public Record withMeta(Record r, ContentMeta m) {
        if (r instanceof Notice n) {
            return new Notice(n.id(), n.title(), n.body(), n.department(), n.regionScope(), n.effective(), n.expiry(),
                    n.attachments(), m);
        }
        if (r instanceof Guidance g) {
            return new Guidance(g.id(), g.commodityCode(), g.topic(), g.season(), g.regionScope(), g.text(), g.smsText(), m);
        }
        if (r instanceof Price p) {
            return new Price(p.id(), p.commodityCode(), p.marketId(), p.date(), p.min(), p.avg(), p.max(), p.unit(),
                    p.source(), p.reporter(), m);
        }
        throw new IllegalArgumentException("not content: " + r);
    }
}
