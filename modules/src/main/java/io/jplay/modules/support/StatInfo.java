package io.jplay.modules.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** The stat dictionary find (and stat) return for a path, from a {@link RemoteStat}. */
public final class StatInfo {
    private StatInfo() {
    }

    public static Map<String, Object> of(String path, RemoteStat st) {
        int mode = st.permissions();
        int type = st.mode() & 0170000;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", path);
        out.put("mode", FileMode.format(mode));
        out.put("isdir", type == 0040000);
        out.put("ischr", type == 0020000);
        out.put("isblk", type == 0060000);
        out.put("isreg", type == 0100000);
        out.put("isfifo", type == 0010000);
        out.put("islnk", type == 0120000);
        out.put("issock", type == 0140000);
        out.put("uid", st.uid());
        out.put("gid", st.gid());
        out.put("size", st.size());
        out.put("inode", st.inode());
        out.put("dev", st.dev());
        out.put("nlink", st.nlink());
        out.put("atime", (double) st.atime());
        out.put("mtime", (double) st.mtime());
        out.put("ctime", (double) st.ctime());
        out.put("wusr", (mode & 0200) != 0);
        out.put("rusr", (mode & 0400) != 0);
        out.put("xusr", (mode & 0100) != 0);
        out.put("wgrp", (mode & 020) != 0);
        out.put("rgrp", (mode & 040) != 0);
        out.put("xgrp", (mode & 010) != 0);
        out.put("woth", (mode & 02) != 0);
        out.put("roth", (mode & 04) != 0);
        out.put("xoth", (mode & 01) != 0);
        out.put("isuid", (mode & 04000) != 0);
        out.put("isgid", (mode & 02000) != 0);
        out.put("pw_name", st.owner());
        out.put("gr_name", st.group());
        return out;
    }
}
