package io.jplay.template.el;

import io.jplay.template.TemplatingException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Python's str methods. */
final class StringMethods {

    static final Object NOT_HANDLED = new Object();

    private StringMethods() {
    }

    static Object call(String s, String name, List<Object> args, Map<String, Object> kwargs) {
        switch (name) {
            case "split":
                return split(s, arg(args, kwargs, 0, "sep"), intArg(args, kwargs, 1, "maxsplit", -1));
            case "rsplit":
                return rsplit(s, arg(args, kwargs, 0, "sep"), intArg(args, kwargs, 1, "maxsplit", -1));
            case "splitlines":
                return splitlines(s);
            case "startswith":
                return matchesAny(args.get(0), s::startsWith);
            case "endswith":
                return matchesAny(args.get(0), s::endsWith);
            case "replace": {
                long count = args.size() > 2 ? ((Number) args.get(2)).longValue() : -1;
                return replace(s, str(args.get(0)), str(args.get(1)), count);
            }
            case "strip":
                return rstrip(lstrip(s, charsArg(args)), charsArg(args));
            case "lstrip":
                return lstrip(s, charsArg(args));
            case "rstrip":
                return rstrip(s, charsArg(args));
            case "upper":
                return s.toUpperCase();
            case "lower":
                return s.toLowerCase();
            case "casefold":
                return s.toLowerCase();
            case "swapcase": {
                StringBuilder out = new StringBuilder();
                for (char c : s.toCharArray()) {
                    out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
                return out.toString();
            }
            case "capitalize":
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase();
            case "title":
                return title(s);
            case "format":
                return PythonMethodResolver.format(s, args, kwargs);
            case "join":
                return PythonMethodResolver.join(s, args.get(0));
            case "find":
                return (long) s.indexOf(str(args.get(0)));
            case "rfind":
                return (long) s.lastIndexOf(str(args.get(0)));
            case "index": {
                int i = s.indexOf(str(args.get(0)));
                if (i < 0) {
                    throw new TemplatingException("substring not found");
                }
                return (long) i;
            }
            case "count": {
                String sub = str(args.get(0));
                if (sub.isEmpty()) {
                    return (long) s.length() + 1;
                }
                long n = 0;
                for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
                    n++;
                }
                return n;
            }
            case "isdigit":
                return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha":
                return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum":
                return !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace":
                return !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "islower":
                return s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase());
            case "isupper":
                return s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase());
            case "zfill": {
                int width = ((Number) args.get(0)).intValue();
                if (s.length() >= width) {
                    return s;
                }
                boolean signed = s.startsWith("-") || s.startsWith("+");
                String pad = "0".repeat(width - s.length());
                return signed ? s.charAt(0) + pad + s.substring(1) : pad + s;
            }
            case "ljust":
                return pad(s, args, false);
            case "rjust":
                return pad(s, args, true);
            case "center": {
                int width = ((Number) args.get(0)).intValue();
                if (s.length() >= width) {
                    return s;
                }
                String fill = args.size() > 1 ? str(args.get(1)) : " ";
                int total = width - s.length();
                int left = total / 2 + (total & width & 1);
                return fill.repeat(left) + s + fill.repeat(total - left);
            }
            case "partition": {
                String sep = str(args.get(0));
                int i = s.indexOf(sep);
                return i < 0 ? new ArrayList<>(List.of(s, "", "")) : new ArrayList<>(List.of(s.substring(0, i), sep, s.substring(i + sep.length())));
            }
            case "rpartition": {
                String sep = str(args.get(0));
                int i = s.lastIndexOf(sep);
                return i < 0 ? new ArrayList<>(List.of("", "", s)) : new ArrayList<>(List.of(s.substring(0, i), sep, s.substring(i + sep.length())));
            }
            default:
                return NOT_HANDLED;
        }
    }

    private static Object arg(List<Object> args, Map<String, Object> kwargs, int index, String name) {
        if (args.size() > index) {
            return args.get(index);
        }
        return kwargs.get(name);
    }

    private static int intArg(List<Object> args, Map<String, Object> kwargs, int index, String name, int dflt) {
        Object value = arg(args, kwargs, index, name);
        return value == null ? dflt : ((Number) value).intValue();
    }

    private static String str(Object o) {
        return o == null ? "None" : o.toString();
    }

    private static String charsArg(List<Object> args) {
        return args.isEmpty() || args.get(0) == null ? null : str(args.get(0));
    }

    private static boolean matchesAny(Object prefixes, java.util.function.Predicate<String> test) {
        if (prefixes instanceof List<?> list) {
            return list.stream().anyMatch(p -> test.test(str(p)));
        }
        return test.test(str(prefixes));
    }

    static List<Object> split(String s, Object sep, int maxsplit) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            String rest = s.stripLeading();
            while (!rest.isEmpty()) {
                if (maxsplit >= 0 && out.size() == maxsplit) {
                    out.add(rest);
                    return out;
                }
                int end = 0;
                while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                    end++;
                }
                out.add(rest.substring(0, end));
                rest = rest.substring(end).stripLeading();
            }
            return out;
        }
        String separator = str(sep);
        if (separator.isEmpty()) {
            throw new TemplatingException("empty separator");
        }
        int start = 0;
        while (true) {
            int i = s.indexOf(separator, start);
            if (i < 0 || (maxsplit >= 0 && out.size() == maxsplit)) {
                out.add(s.substring(start));
                return out;
            }
            out.add(s.substring(start, i));
            start = i + separator.length();
        }
    }

    static List<Object> rsplit(String s, Object sep, int maxsplit) {
        if (maxsplit < 0) {
            return split(s, sep, -1);
        }
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            String rest = s.stripTrailing();
            while (!rest.isEmpty()) {
                if (out.size() == maxsplit) {
                    out.add(0, rest);
                    return out;
                }
                int start = rest.length();
                while (start > 0 && !Character.isWhitespace(rest.charAt(start - 1))) {
                    start--;
                }
                out.add(0, rest.substring(start));
                rest = rest.substring(0, start).stripTrailing();
            }
            return out;
        }
        String separator = str(sep);
        int end = s.length();
        while (true) {
            int i = s.lastIndexOf(separator, end - separator.length());
            if (i < 0 || out.size() == maxsplit || end - separator.length() < 0) {
                out.add(0, s.substring(0, end));
                return out;
            }
            out.add(0, s.substring(i + separator.length(), end));
            end = i;
        }
    }

    private static List<Object> splitlines(String s) {
        List<Object> out = new ArrayList<>(Arrays.asList(s.split("\r\n|\r|\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).toString().isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static String replace(String s, String old, String replacement, long count) {
        if (count < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (long n = 0; n < count; n++) {
            int i = s.indexOf(old, start);
            if (i < 0) {
                break;
            }
            out.append(s, start, i).append(replacement);
            start = i + old.length();
        }
        return out.append(s.substring(start)).toString();
    }

    private static String lstrip(String s, String chars) {
        int i = 0;
        while (i < s.length() && (chars == null ? Character.isWhitespace(s.charAt(i)) : chars.indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        return s.substring(i);
    }

    private static String rstrip(String s, String chars) {
        int i = s.length();
        while (i > 0 && (chars == null ? Character.isWhitespace(s.charAt(i - 1)) : chars.indexOf(s.charAt(i - 1)) >= 0)) {
            i--;
        }
        return s.substring(0, i);
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        boolean previousCased = false;
        for (char c : s.toCharArray()) {
            out.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousCased = Character.isLetter(c);
        }
        return out.toString();
    }

    private static String pad(String s, List<Object> args, boolean right) {
        int width = ((Number) args.get(0)).intValue();
        if (s.length() >= width) {
            return s;
        }
        String fill = (args.size() > 1 ? str(args.get(1)) : " ").repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
