package org.sandian.content.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's own formats (documents as BSON, index keys serialized once) read files the
 * stock H2 backend wrote, keep their unique indexes working, and give back every BSON type.
 */
class StoreFormatTest {

    @TempDir
    Path dir;

    @Test
    void aFileWrittenByTheStockBackendOpensWithItsDocumentsAndIndexes() {
        Path file = dir.resolve("sandian.mv.db");
        MongoServer stock = new MongoServer(new H2Backend(file.toString()));
        String uri = "mongodb://127.0.0.1:" + stock.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> c = client.getDatabase("sandian").getCollection("farmers");
            c.createIndex(Indexes.ascending("phone"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) c.insertOne(farmer(i));
        } finally {
            stock.shutdownNow();
        }

        try (EmbeddedMongo ours = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(ours.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("sandian").getCollection("farmers");
            assertEquals(300, c.countDocuments());
            assertEquals("张三 7", c.find(Filters.eq("_id", "f7")).first().getString("name"));
            assertEquals("f9", c.find(Filters.eq("phone", "+8613800000009")).first().getString("_id"));
            MongoWriteException taken = assertThrows(MongoWriteException.class, () -> c.insertOne(
                    new Document("_id", "new").append("phone", "+8613800000011")));
            assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(taken.getCode()));
            c.updateOne(Filters.eq("_id", "f3"), Updates.set("name", "李四"));
            c.insertOne(farmer(1000));
        }

        // written again in our format: read back after another restart
        try (EmbeddedMongo ours = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(ours.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("sandian").getCollection("farmers");
            assertEquals(301, c.countDocuments());
            assertEquals("李四", c.find(Filters.eq("_id", "f3")).first().getString("name"));
            assertEquals("f1000", c.find(Filters.eq("phone", "+8613800001000")).first().getString("_id"));
            assertEquals(List.of("f2", "f3"), c.find(Filters.in("_id", "f2", "f3")).map(d -> d.getString("_id")).into(new java.util.ArrayList<>()));
            assertThrows(MongoWriteException.class, () -> c.insertOne(new Document("_id", "f5")));
        }
    }

    /**
     * {@code _id}s of every shape the key encoding splices (and some it leaves to Java
     * serialization) are found, updated and refused as duplicates across a file the stock backend
     * wrote and restarts of ours: a key encoded differently from the stock backend would not be found.
     * (The index keeps numbers as Double, and a long as Long only beyond 2^53.)
     */
    @Test
    void idsOfEveryShapeAreFoundInAFileTheStockBackendWroteAndAfterRestarts() {
        List<Object> old = List.of("f7", "", "玉米-张三", "nul\0id", "🌾 rapeseed", "中".repeat(22_000), 42L, 7, 2.5,
                (1L << 53) + 1, new ObjectId("0123456789abcdef01234567"));
        List<Object> fresh = List.of("f8", "稻谷-李四", "nul\0\0", "🐂", "谷".repeat(22_000), 43L, 8, 3.5,
                (1L << 53) + 3, new ObjectId());
        MongoServer stock = new MongoServer(new H2Backend(dir.resolve("sandian.mv.db").toString()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stock.bind().getPort())) {
            MongoCollection<Document> c = client.getDatabase("sandian").getCollection("ids");
            for (Object id : old) c.insertOne(new Document("_id", id).append("n", 0));
        } finally {
            stock.shutdownNow();
        }

        try (EmbeddedMongo ours = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(ours.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("sandian").getCollection("ids");
            for (Object id : old) {
                assertEquals(0, byId(c, id).getInteger("n"));
                assertEquals(1, c.updateOne(Filters.eq("_id", id), Updates.inc("n", 1)).getModifiedCount(), () -> "updated " + shown(id));
                assertThrows(MongoWriteException.class, () -> c.insertOne(new Document("_id", id)), () -> "duplicate " + shown(id));
            }
            for (Object id : fresh) c.insertOne(new Document("_id", id).append("n", 5));
        }

        try (EmbeddedMongo ours = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(ours.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("sandian").getCollection("ids");
            assertEquals(old.size() + fresh.size(), c.countDocuments());
            for (Object id : old) assertEquals(1, byId(c, id).getInteger("n"));
            for (Object id : fresh) {
                assertEquals(1, c.updateOne(Filters.eq("_id", id), Updates.inc("n", 1)).getModifiedCount(), () -> "updated " + shown(id));
                assertEquals(6, byId(c, id).getInteger("n"));
                assertThrows(MongoWriteException.class, () -> c.insertOne(new Document("_id", id)), () -> "duplicate " + shown(id));
            }
        }
    }

    @Test
    void everyBsonTypeTheHubWritesComesBackAsItWent() {
        Document doc = new Document("_id", new ObjectId()).append("text", "价格 玉米 ¥1.25 €")
                .append("int", 7).append("long", 7_000_000_000L).append("double", -0.5)
                .append("decimal", Decimal128.parse("1.25")).append("bool", true).append("none", null)
                .append("at", new Date(1_767_225_600_123L)).append("bytes", new Binary(new byte[]{0, 1, -1}))
                .append("list", List.of("a", 1, new Document("k", "v"))).append("nested", new Document("x", List.of()));
        try (EmbeddedMongo ours = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(ours.connectionString())) {
            client.getDatabase("sandian").getCollection("types").insertOne(doc);
        }
        try (EmbeddedMongo ours = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(ours.connectionString())) {
            Document back = client.getDatabase("sandian").getCollection("types").find().first();
            assertEquals(doc.toJson(), back.toJson());
        }
    }

    private static Document byId(MongoCollection<Document> c, Object id) {
        Document found = c.find(Filters.eq("_id", id)).first();
        assertNotNull(found, () -> "no document with _id " + shown(id));
        return found;
    }

    private static String shown(Object id) {
        String text = id.getClass().getSimpleName() + " " + id;
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static Document farmer(int i) {
        return new Document("_id", "f" + i).append("phone", "+86138" + String.format("%08d", i))
                .append("name", "张三 " + i).append("crops", List.of("103", "201")).append("at", new Date(1_767_225_600_000L + i));
    }
}
