package io.fusillade.engine.js;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/** Converts plain JS data (objects, arrays, strings, numbers, booleans) to Java collections. */
public final class JsValues {
    private JsValues() {
    }

    /**
     * The Java form of {@code value}: objects become ordered maps, arrays lists, whole numbers
     * {@link Long}s (or {@link Integer}s when they fit), other numbers {@link Double}s.
     * Functions are kept as their source text's first line, for metadata only.
     */
    public static Object toJava(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            if (value.fitsInInt()) {
                return value.asInt();
            }
            if (value.fitsInLong()) {
                return value.asLong();
            }
            return value.asDouble();
        }
        if (value.hasArrayElements()) {
            List<Object> list = new ArrayList<>((int) value.getArraySize());
            for (long i = 0; i < value.getArraySize(); i++) {
                list.add(toJava(value.getArrayElement(i)));
            }
            return list;
        }
        if (value.canExecute()) {
            return "[function]";
        }
        if (value.hasMembers()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : value.getMemberKeys()) {
                map.put(key, toJava(value.getMember(key)));
            }
            return map;
        }
        return value.toString();
    }

    /** {@link #toJava} for a value that must be an object (or absent). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Value value) {
        Object java = toJava(value);
        return java instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
