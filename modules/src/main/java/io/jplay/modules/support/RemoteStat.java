package io.jplay.modules.support;

/**
 * What {@link StatScript} learned about one path on the target. {@code exists=false} leaves the rest unset.
 * {@code mode} holds the full st_mode (type and permission bits).
 */
public record RemoteStat(boolean exists, int mode, long uid, long gid, String owner, String group, long size,
                         long mtime, long atime, long ctime, long inode, long nlink, long dev, String linkTarget,
                         String checksum) {

    public static final RemoteStat ABSENT = new RemoteStat(false, 0, -1, -1, null, null, 0, 0, 0, 0, 0, 0, 0, null, null);

    public int permissions() {
        return mode & FileMode.PERM_BITS;
    }

    private int type() {
        return mode & 0170000;
    }

    public boolean isDir() {
        return exists && type() == 0040000;
    }

    public boolean isFile() {
        return exists && type() == 0100000;
    }

    public boolean isLink() {
        return exists && type() == 0120000;
    }

    /** Ansible's file state names: file, directory, link, hard (regular file with several links), absent. */
    public String state() {
        if (!exists) {
            return "absent";
        }
        if (isLink()) {
            return "link";
        }
        if (isDir()) {
            return "directory";
        }
        if (nlink > 1) {
            return "hard";
        }
        return "file";
    }

    RemoteStat withLinkTarget(String target) {
        return new RemoteStat(exists, mode, uid, gid, owner, group, size, mtime, atime, ctime, inode, nlink, dev, target, checksum);
    }

    RemoteStat withChecksum(String sha1) {
        return new RemoteStat(exists, mode, uid, gid, owner, group, size, mtime, atime, ctime, inode, nlink, dev, linkTarget, sha1);
    }
}
