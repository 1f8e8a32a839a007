package org.sandian.content.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.LoggerFactory;

/**
 * The bytes {@code ObjectDataType.serialize} gives for a unique-index key, without
 * ObjectOutputStream for the usual keys: one String, Long, Integer, Double or ObjectId.
 *
 * <p>Why: every insert, update and find by {@code _id} serializes its key, and ObjectOutputStream
 * cost 3.5% of the hub's CPU under SMS load. The bytes must stay identical (stored files order
 * and find keys by them, see {@link SerializedKeyType}), so each shape is serialized once here
 * with a sample value, the key's own value is spliced in its place, and a shape whose splice does
 * not reproduce the real serialization at class load is left to the real one, as is every other
 * key.
 */
final class SerializedKeyBytes {

    private static final byte TC_STRING = 0x74;

    /**
     * KeyValue's field type, written as a string object before the key: a key equal to it may be
     * written as a back-reference to that string, so it takes the real serialization.
     */
    private static final String LIST_SIGNATURE = "Ljava/util/List;";

    private static final String MARKER = "sandian-key-marker";

    /** A one-string key's bytes before the string's TC_STRING, and after its characters. */
    private static final byte[] STRING_HEAD;
    private static final byte[] STRING_TAIL;
    private static final boolean STRINGS_SPLICED;

    /** A one-value key's bytes by value class; the value is the bytes just before the last one. */
    private static final Map<Class<?>, byte[]> FIXED_WIDTH;

    static {
        byte[] marked = ObjectDataType.serialize(new KeyValue(MARKER));
        int at = marked.length - MARKER.length() - 4; // then TC_STRING, length, MARKER, TC_ENDBLOCKDATA
        STRING_HEAD = Arrays.copyOf(marked, at);
        STRING_TAIL = Arrays.copyOfRange(marked, at + 3 + MARKER.length(), marked.length);
        STRINGS_SPLICED = splicesLikeJava(v -> string((String) v),
                List.of(MARKER, "", "\0", "f7", "玉米 ¥1.25", "🌾", "Ljava/util/List"));
        Map<Class<?>, byte[]> fixed = new HashMap<>();
        for (List<?> samples : List.of(List.of(1L, -2L, Long.MAX_VALUE), List.of(1, -7, Integer.MIN_VALUE),
                List.of(1.0, -0.5, Double.NaN), List.of(new ObjectId("000000000000000000000001"),
                        new ObjectId("0123456789abcdef01234567")))) {
            byte[] template = ObjectDataType.serialize(new KeyValue(samples.get(0)));
            if (splicesLikeJava(v -> fixedWidth(template, v), samples)) fixed.put(samples.get(0).getClass(), template);
        }
        FIXED_WIDTH = Map.copyOf(fixed);
    }

    private SerializedKeyBytes() {
    }

    static byte[] of(KeyValue key) {
        byte[] bytes = key.size() == 1 ? spliced(key.get(0)) : null;
        return bytes != null ? bytes : ObjectDataType.serialize(key);
    }

    /** A one-value key's bytes from a template, or null when this value takes the real serialization. */
    static byte[] spliced(Object value) {
        if (value instanceof String s) return STRINGS_SPLICED ? string(s) : null;
        byte[] template = value == null ? null : FIXED_WIDTH.get(value.getClass());
        return template == null ? null : fixedWidth(template, value);
    }

    /** The template with the value's big-endian bytes (as ObjectOutputStream writes them) before its last byte. */
    private static byte[] fixedWidth(byte[] template, Object value) {
        byte[] out = template.clone();
        ByteBuffer end = ByteBuffer.wrap(out);
        if (value instanceof Long l) end.putLong(out.length - 9, l);
        else if (value instanceof Integer i) end.putInt(out.length - 5, i);
        else if (value instanceof Double d) end.putLong(out.length - 9, Double.doubleToLongBits(d));
        else {
            byte[] id = ((ObjectId) value).toByteArray();
            if (id.length != 12) return null;
            end.put(out.length - 13, id);
        }
        return out;
    }

    /** TC_STRING, a two-byte length and modified UTF-8 (as DataOutput.writeUTF), between the template's ends. */
    private static byte[] string(String s) {
        if (s.equals(LIST_SIGNATURE)) return null;
        int chars = s.length();
        int length = chars;
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) length += c >= 0x800 ? 2 : 1;
        }
        if (length > 0xFFFF) return null; // long-string form
        byte[] out = new byte[STRING_HEAD.length + 3 + length + STRING_TAIL.length];
        System.arraycopy(STRING_HEAD, 0, out, 0, STRING_HEAD.length);
        int p = STRING_HEAD.length;
        out[p++] = TC_STRING;
        out[p++] = (byte) (length >>> 8);
        out[p++] = (byte) length;
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c != 0 && c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        System.arraycopy(STRING_TAIL, 0, out, p, STRING_TAIL.length);
        return out;
    }

    /** Whether splicing gives exactly the real serialization for every sample (checked once, at class load). */
    private static boolean splicesLikeJava(Function<Object, byte[]> splice, List<?> samples) {
        for (Object sample : samples) {
            if (!Arrays.equals(splice.apply(sample), ObjectDataType.serialize(new KeyValue(sample)))) {
                LoggerFactory.getLogger(SerializedKeyBytes.class).warn(
                        "unique-index keys of {} take Java serialization: the template does not match it", sample.getClass());
                return false;
            }
        }
        return true;
    }
}
