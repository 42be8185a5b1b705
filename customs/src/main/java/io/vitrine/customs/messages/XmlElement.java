package io.vitrine.customs.messages;

import java.util.List;
import java.util.Map;

/** An element as read: local name, namespace ({@code ""} for none), attributes, text (trimmed) and children. */
record XmlElement(String namespace, String name, Map<String, String> attributes, String text,
                  List<XmlElement> children) {

    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    boolean isLeaf() {
        return children.isEmpty();
    }
}
