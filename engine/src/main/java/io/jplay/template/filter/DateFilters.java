package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ansible's strftime(format, second=None, utc=False) and to_datetime(format='%Y-%m-%d %H:%M:%S'). */
public final class DateFilters {

    private DateFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.add(AnsibleFilter.of("strftime", DateFilters::strftime));
        filters.add(AnsibleFilter.of("to_datetime", DateFilters::toDatetime));
        return filters;
    }

    static String strftime(Object value, Args args) {
        Object second = args.get(0, "second", null);
        boolean utc = args.bool(1, "utc", false);
        Instant instant;
        if (second == null) {
            instant = Instant.now();
        } else {
            Double seconds = Py.toDoubleOrNull(second);
            if (seconds == null) {
                throw new JplayException("Invalid value for epoch value (" + Py.str(second) + ")");
            }
            instant = Instant.ofEpochMilli((long) (seconds * 1000));
        }
        ZonedDateTime time = instant.atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
        return format(Py.str(value), time);
    }

    /** time.strftime's directives (C locale). */
    public static String format(String pattern, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= pattern.length()) {
                out.append(c);
                continue;
            }
            char d = pattern.charAt(++i);
            switch (d) {
                case 'Y' -> out.append(t.getYear());
                case 'y' -> out.append(String.format("%02d", t.getYear() % 100));
                case 'm' -> out.append(String.format("%02d", t.getMonthValue()));
                case 'd' -> out.append(String.format("%02d", t.getDayOfMonth()));
                case 'e' -> out.append(String.format("%2d", t.getDayOfMonth()));
                case 'H' -> out.append(String.format("%02d", t.getHour()));
                case 'I' -> out.append(String.format("%02d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'M' -> out.append(String.format("%02d", t.getMinute()));
                case 'S' -> out.append(String.format("%02d", t.getSecond()));
                case 'f' -> out.append(String.format("%06d", t.getNano() / 1000));
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'w' -> out.append(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
                case 'u' -> out.append(t.getDayOfWeek().getValue());
                case 'Z' -> out.append(t.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'z' -> out.append(t.getOffset().getId().equals("Z") ? "+0000" : t.getOffset().getId().replace(":", ""));
                case 's' -> out.append(t.toEpochSecond());
                case 'F' -> out.append(format("%Y-%m-%d", t));
                case 'T' -> out.append(format("%H:%M:%S", t));
                case 'D' -> out.append(format("%m/%d/%y", t));
                case 'c' -> out.append(format("%a %b %e %H:%M:%S %Y", t));
                case 'x' -> out.append(format("%m/%d/%y", t));
                case 'X' -> out.append(format("%H:%M:%S", t));
                case '%' -> out.append('%');
                default -> out.append('%').append(d);
            }
        }
        return out.toString();
    }

    /** datetime.strptime(value, format), as a LocalDateTime (year, month... read as its properties). */
    static LocalDateTime toDatetime(Object value, Args args) {
        String text = Py.str(value);
        String format = args.string(0, "format", "%Y-%m-%d %H:%M:%S");
        int[] fields = {1900, 1, 1, 0, 0, 0, 0};
        int pos = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                char d = format.charAt(++i);
                int field = switch (d) {
                    case 'Y' -> 0;
                    case 'm' -> 1;
                    case 'd' -> 2;
                    case 'H' -> 3;
                    case 'M' -> 4;
                    case 'S' -> 5;
                    case 'f' -> 6;
                    default -> throw new JplayException("to_datetime: the directive %" + d + " is not supported by jplay");
                };
                int width = d == 'Y' ? 4 : d == 'f' ? 6 : 2;
                int end = pos;
                while (end < text.length() && end - pos < width && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                if (end == pos) {
                    throw mismatch(text, format);
                }
                fields[field] = Integer.parseInt(text.substring(pos, end));
                if (d == 'f') {
                    fields[field] *= (int) Math.pow(10, 6 - (end - pos));
                }
                pos = end;
            } else {
                if (pos >= text.length() || text.charAt(pos) != c) {
                    throw mismatch(text, format);
                }
                pos++;
            }
        }
        if (pos != text.length()) {
            throw new JplayException("unconverted data remains: " + text.substring(pos));
        }
        try {
            return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
                    .with(ChronoField.MICRO_OF_SECOND, fields[6]);
        } catch (java.time.DateTimeException e) {
            throw new JplayException(e.getMessage());
        }
    }

    private static JplayException mismatch(String text, String format) {
        return new JplayException("time data " + Py.stringRepr(text) + " does not match format " + Py.stringRepr(format));
    }
}
