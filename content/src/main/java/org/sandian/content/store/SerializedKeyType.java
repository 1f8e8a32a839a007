package org.sandian.content.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * H2 key type of the embedded store's unique indexes. On disk it is exactly what H2's
 * {@code ObjectDataType} writes for a serialized object (tag 19, length, bytes), and keys compare
 * as that type compares them (unsigned bytes, then length), so files written before it open
 * unchanged. The difference is speed: the stock type serializes both keys at every comparison,
 * which was most of the store's CPU under SMS load.
 */
final class SerializedKeyType extends BasicDataType<SerializedKey> {

    /** {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}. */
    private static final byte SERIALIZED_OBJECT = 19;

    static final SerializedKeyType INSTANCE = new SerializedKeyType();

    private SerializedKeyType() {
    }

    @Override
    public int compare(SerializedKey a, SerializedKey b) {
        if (a == b) return 0;
        return Integer.signum(Arrays.compareUnsigned(a.bytes, b.bytes));
    }

    @Override
    public int getMemory(SerializedKey key) {
        return 48 + key.bytes.length;
    }

    @Override
    public void write(WriteBuffer buff, SerializedKey key) {
        buff.put(SERIALIZED_OBJECT).putVarInt(key.bytes.length).put(key.bytes);
    }

    @Override
    public SerializedKey read(ByteBuffer buff) {
        byte tag = buff.get();
        if (tag != SERIALIZED_OBJECT) {
            throw new IllegalStateException("unique index entry of type " + tag + ", expected a serialized key");
        }
        byte[] bytes = new byte[DataUtils.readVarInt(buff)];
        buff.get(bytes);
        return SerializedKey.ofBytes(bytes);
    }

    @Override
    public SerializedKey[] createStorage(int size) {
        return new SerializedKey[size];
    }
}
