package dev.custos.api.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Paths in a bag's {@code data/} directory, made from names chosen by others (evidence titles, client file names).
 * Every segment keeps only {@code [A-Za-z0-9._-]} and loses its leading and trailing dots, so no path can climb out
 * of {@code data/}, hide a file or differ from another only by what Windows strips. Names are compared ignoring
 * case, because a bag is also unzipped on file systems that do; a taken name gets {@code -2}, {@code -3}, ... before
 * its extension, so no file of the bag ever replaces another when it is unpacked.
 */
final class BagPaths {

    /** Room for the {@code -n} of a taken name within the 255 bytes most file systems allow. */
    private static final int MAX_SEGMENT_CHARS = 120;

    private static final String UNNAMED = "file";

    private final Set<String> files = new HashSet<>();
    private final Set<String> directories = new HashSet<>();

    /** A path under {@code data/} for {@code wanted}, unlike every path it answered before. */
    String allocate(String wanted) {
        List<String> segments = segments(wanted);
        String name = segments.remove(segments.size() - 1);
        String directory = String.join("/", segments);
        if (underAFile(directory)) {
            // A directory cannot share its name with a file; a top-level name has no directory to clash.
            name = safe(String.join("_", segments) + "_" + name);
            directory = "";
        }
        String path = join(directory, name);
        for (int copy = 2; taken(path); copy++) {
            path = join(directory, numbered(name, copy));
        }
        files.add(path.toLowerCase(Locale.ROOT));
        directories.addAll(ancestors(directory.toLowerCase(Locale.ROOT)));
        return "data/" + path;
    }

    private static List<String> segments(String wanted) {
        List<String> segments = new ArrayList<>();
        for (String raw : wanted.split("[/\\\\]")) {
            String segment = safe(raw);
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            segments.add(UNNAMED);
        }
        return segments;
    }

    private boolean taken(String path) {
        String key = path.toLowerCase(Locale.ROOT);
        return files.contains(key) || directories.contains(key);
    }

    private boolean underAFile(String directory) {
        return ancestors(directory.toLowerCase(Locale.ROOT)).stream().anyMatch(files::contains);
    }

    /** {@code a}, {@code a/b}, {@code a/b/c} for {@code a/b/c}; nothing for the top level. */
    private static List<String> ancestors(String directory) {
        List<String> ancestors = new ArrayList<>();
        if (!directory.isEmpty()) {
            for (int slash = directory.indexOf('/'); slash >= 0; slash = directory.indexOf('/', slash + 1)) {
                ancestors.add(directory.substring(0, slash));
            }
            ancestors.add(directory);
        }
        return ancestors;
    }

    private static String numbered(String name, int copy) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + "-" + copy + name.substring(dot) : name + "-" + copy;
    }

    private static String join(String directory, String name) {
        return directory.isEmpty() ? name : directory + "/" + name;
    }

    private static String safe(String raw) {
        String replaced = raw.replaceAll("[^A-Za-z0-9._-]", "_");
        String cut = replaced.length() > MAX_SEGMENT_CHARS ? replaced.substring(0, MAX_SEGMENT_CHARS) : replaced;
        return cut.replaceAll("^\\.+|\\.+$", "");
    }
}
