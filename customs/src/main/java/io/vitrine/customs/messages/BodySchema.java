package io.vitrine.customs.messages;

import javax.xml.stream.XMLStreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** How one kind of message body is laid out: a single block, or a head block followed by line blocks. */
sealed interface BodySchema<B> {

    String element();

    void write(XmlOut out, B body) throws XMLStreamException;

    B read(XmlElement body, String path);

    /** The blocks of a body with their paths (e.g. {@code Order[1].OrderList[2]}), for the rules. */
    List<BlockText> texts(B body, String path);

    record BlockText(String path, String element, List<Block.FieldText> fields) {
    }

    /** A body that is one block: a receipt, an InvtCancel. */
    record Single<B>(Block<B> block) implements BodySchema<B> {

        @Override
        public String element() {
            return block.element();
        }

        @Override
        public void write(XmlOut out, B body) throws XMLStreamException {
            block.write(out, body);
        }

        @Override
        public B read(XmlElement body, String path) {
            return block.read(body, path);
        }

        @Override
        public List<BlockText> texts(B body, String path) {
            return List.of(new BlockText(path, block.element(), block.texts(body)));
        }
    }

    /** A body holding a head block and its lines, e.g. {@code Order} = {@code OrderHead} + {@code OrderList}*. */
    record HeadAndLines<B, H, L>(String element, Block<H> head, Block<L> line, Function<B, H> headOf,
                                 Function<B, List<L>> linesOf, BiFunction<H, List<L>, B> assemble)
            implements BodySchema<B> {

        @Override
        public void write(XmlOut out, B body) throws XMLStreamException {
            out.start(element);
            head.write(out, headOf.apply(body));
            for (L l : linesOf.apply(body)) {
                line.write(out, l);
            }
            out.end();
        }

        @Override
        public B read(XmlElement body, String path) {
            List<XmlElement> heads = body.children(head.element());
            if (heads.size() != 1) {
                throw new MalformedMessageException(path + "." + head.element(), "BLOCK_COUNT",
                        "a body holds exactly one " + head.element());
            }
            H h = head.read(heads.get(0), path + "." + head.element());
            List<L> lines = new ArrayList<>();
            for (XmlElement l : body.children(line.element())) {
                lines.add(line.read(l, path + "." + line.element() + "[" + (lines.size() + 1) + "]"));
            }
            return assemble.apply(h, lines);
        }

        @Override
        public List<BlockText> texts(B body, String path) {
            List<BlockText> texts = new ArrayList<>();
            texts.add(new BlockText(path + "." + head.element(), head.element(), head.texts(headOf.apply(body))));
            List<L> lines = linesOf.apply(body);
            for (int i = 0; i < lines.size(); i++) {
                texts.add(new BlockText(path + "." + line.element() + "[" + (i + 1) + "]", line.element(),
                        line.texts(lines.get(i))));
            }
            return texts;
        }
    }
}
