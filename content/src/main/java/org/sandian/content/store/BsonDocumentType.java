package org.sandian.content.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2 value type of the embedded store's collections: each document as BSON, with mongo-java-server's
 * own wire codec. The stock type writes documents with Java serialization, which made commits
 * (every changed page is written whole) the store's largest cost. Values written by the stock
 * type (tag below 120) are still read through it, so existing files open unchanged; a document
 * the codec cannot encode is written the stock way.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** A tag H2's ObjectDataType never writes (it uses 0-119). */
    private static final byte BSON = 120;

    private final ObjectDataType legacy = new ObjectDataType();

    @Override
    public int getMemory(Document document) {
        // a rough size, as the stock type's estimate is: only the page cache's budget depends on it
        return 64 + 48 * document.size();
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        byte[] bson;
        try {
            bson = encode(document);
        } catch (RuntimeException notBson) {
            legacy.write(buff, document);
            return;
        }
        buff.put(BSON).putVarInt(bson.length).put(bson);
    }

    @Override
    public Document read(ByteBuffer buff) {
        int start = buff.position();
        if (buff.get() != BSON) {
            buff.position(start);
            return (Document) legacy.read(buff);
        }
        int length = DataUtils.readVarInt(buff);
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice(buff.position(), length));
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(bson);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private static byte[] encode(Document document) {
        ByteBuf buf = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }
}
