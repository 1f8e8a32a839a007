package org.sandian.content.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A unique-index key of the embedded store held as its Java-serialized bytes: the form in which
 * the stock H2 backend has always stored and ordered these keys. Keeping the bytes means a B-tree
 * search compares arrays instead of serializing both keys at every step.
 */
final class SerializedKey {

    final byte[] bytes;
    private KeyValue value;

    private SerializedKey(byte[] bytes, KeyValue value) {
        this.bytes = bytes;
        this.value = value;
    }

    static SerializedKey of(KeyValue value) {
        return new SerializedKey(SerializedKeyBytes.of(value), value);
    }

    static SerializedKey ofBytes(byte[] bytes) {
        return new SerializedKey(bytes, null);
    }

    /** The key itself, deserialized on first use (only scans of the whole index ask for it). */
    synchronized KeyValue value() {
        if (value == null) value = (KeyValue) ObjectDataType.deserialize(bytes);
        return value;
    }
}
