package org.sandian.ops.backup;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/** Documents with the types a backup must keep exactly, and a way to compare two stores. */
final class SampleData {

    static final int PRICES = 1_200;

    private SampleData() {
    }

    /** 1,200 prices (more than one insert batch of 1,000), notices in Chinese, an empty collection, indexes; beside the demo content. */
    static void fill(MongoDatabase db) {
        String[] commodities = {"玉米", "小麦", "大豆", "生猪", "maize"};
        List<Document> prices = new ArrayList<>();
        for (int i = 0; i < PRICES; i++) {
            prices.add(new Document("_id", "p-" + i)
                    .append("commodity", commodities[i % commodities.length])
                    .append("market", "武汉白沙洲-" + (i / commodities.length))
                    .append("price", new BigDecimal("2.3" + (i % 10) + "0"))
                    .append("unit", "元/公斤")
                    .append("observed", Date.from(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i * 60L)))
                    .append("volume", 10_000_000_000L + i)
                    .append("ratio", i / 7.0)
                    .append("source", new Document("office", "县农业农村局").append("officer", new Document("id", i % 13)))
                    .append("tags", List.of("价格", "price", i)));
        }
        db.getCollection("sample_prices").insertMany(prices);
        db.getCollection("sample_prices").createIndex(Indexes.ascending("commodity", "market"), new IndexOptions().unique(true).name("commodity_market"));
        db.getCollection("sample_notices").insertMany(List.of(
                new Document("_id", new ObjectId()).append("title", "寒潮预警：请做好大棚保温")
                        .append("body", "今晚至明天最低气温-5℃，\n请加固大棚。").append("urgent", true)
                        .append("expires", null).append("attachment", new Binary(new byte[]{0, 1, 2, (byte) 0xff})),
                new Document("_id", new ObjectId()).append("title", "Cold wave warning").append("urgent", false)
                        .append("regions", List.of(new Document("code", "420100"), new Document("code", "420102")))));
        db.createCollection("empty_but_kept");
    }

    /** Every collection's documents as canonical Extended JSON in _id order: equal maps, equal stores. */
    static Map<String, List<String>> dump(MongoDatabase db) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : Backup.collectionNames(db)) {
            List<String> docs = new ArrayList<>();
            for (BsonDocument d : db.getCollection(name, BsonDocument.class).find().sort(Sorts.ascending("_id")).batchSize(1000)) {
                docs.add(d.toJson(Backup.CANONICAL));
            }
            out.put(name, docs);
        }
        return out;
    }

    /** Index names with their keys and uniqueness, per collection. */
    static Map<String, List<String>> indexes(MongoDatabase db) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : Backup.collectionNames(db)) {
            List<String> specs = new ArrayList<>();
            for (Document i : db.getCollection(name).listIndexes()) {
                specs.add(i.getString("name") + " " + i.get("key", Document.class).toJson() + " unique=" + i.getBoolean("unique", false));
            }
            specs.sort(null);
            out.put(name, specs);
        }
        return out;
    }
}
