package io.ninep.server.handler;

import io.ninep.fs.FileSystem;
import io.ninep.fs.Node;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Txattrwalk;
import io.ninep.server.Exchange;
import io.ninep.server.Fid;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Txattrwalk: newfid becomes an xattr-read fid holding a snapshot of the value of name, or of the
 * NUL-separated name list when name is empty (listxattr(2) format). Missing attribute: ENODATA.
 * Commit point: binding newfid.
 */
public final class TxattrwalkHandler implements Handler<Txattrwalk> {

    @Override
    public Class<Txattrwalk> messageType() {
        return Txattrwalk.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Txattrwalk m) {
        return x.onFid(m.fid(), fid -> {
            FileSystem fs = fid.export().fileSystem();
            byte[] value = m.name().isEmpty() ? nameList(fs, fid.node()) : fs.getxattr(fid.node(), m.name());
            Node node = fs.duplicate(fid.node());
            Fid xattr = fid.rebind(m.newfid(), node, fid.path());
            try {
                xattr.xattrRead(value);
                x.commit();
                if (m.newfid() == m.fid()) {
                    x.session().fids().replace(fid, xattr);
                } else {
                    x.session().fids().bind(xattr);
                }
            } catch (RuntimeException e) {
                node.close();
                throw e;
            }
            return new Rmessage.Rxattrwalk(value.length);
        });
    }

    private static byte[] nameList(FileSystem fs, Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : fs.listxattr(node)) {
            out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }
}
