package org.sandian.content.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * Spliced unique-index keys are byte for byte what Java serialization gives (stored files order
 * and find keys by those bytes), and the keys it cannot splice still get exactly those bytes.
 */
class SerializedKeyBytesTest {

    private static final Random RANDOM = new Random(20260301);

    @Test
    void stringKeysAreSplicedToTheirJavaSerialization() {
        List<String> keys = new ArrayList<>(List.of("", "f7", "\0", "a\0b", "张三", "玉米 ¥1.25 €", "🌾", "\uD83C",
                "\uDF3E", "\u007F\u0080\u07FF\u0800\uFFFF", "Ljava/util/List", new String("Ljava/util/List;x")));
        // lengths around the modified UTF-8 widths and the two-byte length limit (65535 bytes)
        for (int n : new int[]{0x7E, 0x7F, 0x80, 0xFF, 0x100, 0x7FF, 0x800, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF}) {
            keys.add("x".repeat(n));
            keys.add("\0".repeat(n / 2) + (n % 2 == 1 ? "x" : ""));
        }
        keys.add("中".repeat(0xFFFF / 3));
        keys.add("中".repeat(0xFFFF / 3 - 1) + "é");
        for (int i = 0; i < 3000; i++) keys.add(randomString(RANDOM.nextInt(i < 2900 ? 40 : 20_000)));

        for (String key : keys) {
            assertNotNull(SerializedKeyBytes.spliced(key), "fast path for a string of " + key.length() + " chars");
            assertSameBytes(new KeyValue(key));
        }
    }

    @Test
    void numberAndObjectIdKeysAreSplicedToTheirJavaSerialization() {
        List<Object> keys = new ArrayList<>(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, Integer.MIN_VALUE,
                Integer.MAX_VALUE, 0.0, -0.0, 1e300, Double.MIN_VALUE, Double.NaN, Double.longBitsToDouble(0x7ff8000000000123L),
                Double.NEGATIVE_INFINITY, new ObjectId("000000000000000000000000"), new ObjectId("ffffffffffffffffffffffff")));
        for (int i = 0; i < 500; i++) {
            keys.add(RANDOM.nextLong());
            keys.add(RANDOM.nextInt());
            keys.add(Double.longBitsToDouble(RANDOM.nextLong()));
            keys.add(new ObjectId());
        }
        for (Object key : keys) {
            assertNotNull(SerializedKeyBytes.spliced(key), "fast path for " + key.getClass().getSimpleName() + " " + key);
            assertSameBytes(new KeyValue(key));
        }
    }

    @Test
    void otherKeysTakeJavaSerialization() {
        List<KeyValue> keys = List.of(
                new KeyValue("Ljava/util/List;"), // KeyValue's own field type: written as a back-reference
                new KeyValue(new String("Ljava/util/List;")),
                new KeyValue("x".repeat(0x10000)), new KeyValue("中".repeat(0xFFFF / 3) + "x"), // long-string form
                new KeyValue((Object) null), new KeyValue(true), new KeyValue((short) 3), new KeyValue(1.5f),
                new KeyValue(new Document("k", "v")), new KeyValue((Object) List.of("a", 1)),
                new KeyValue("a", "b"), new KeyValue("+8613800000001", 7L), new KeyValue("same", "same"));
        for (KeyValue key : keys) {
            if (key.size() == 1) assertNull(SerializedKeyBytes.spliced(key.get(0)), "no fast path for " + key);
            assertSameBytes(key);
        }
    }

    private static void assertSameBytes(KeyValue key) {
        assertArrayEquals(ObjectDataType.serialize(key), SerializedKeyBytes.of(key), () -> "bytes of " + abbreviated(key));
    }

    private static String abbreviated(KeyValue key) {
        String text = key.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** Characters of every width in modified UTF-8: NUL, ASCII, 2 and 3 bytes, surrogate pairs and lone halves. */
    private static String randomString(int length) {
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            switch (RANDOM.nextInt(7)) {
                case 0 -> s.append('\0');
                case 1, 2 -> s.append((char) (1 + RANDOM.nextInt(0x7F)));
                case 3 -> s.append((char) (0x80 + RANDOM.nextInt(0x780)));
                case 4 -> s.append((char) (0x4E00 + RANDOM.nextInt(0x5200)));
                case 5 -> s.appendCodePoint(0x10000 + RANDOM.nextInt(0x100000));
                default -> s.append((char) (0x800 + RANDOM.nextInt(0xF800)));
            }
        }
        return s.toString();
    }
}
