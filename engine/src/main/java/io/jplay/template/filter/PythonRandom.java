package io.jplay.template.filter;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code random.Random(seed)}: the Mersenne Twister seeded as CPython 3 seeds it (a str seed is
 * extended with its SHA-512), so that {@code random(seed=inventory_hostname)} and {@code shuffle(seed=...)}
 * pick what Ansible picks.
 */
public final class PythonRandom {

    private static final int N = 624;
    private static final int M = 397;

    private final int[] state = new int[N];
    private int index = N + 1;

    public PythonRandom(Object seed) {
        BigInteger key;
        if (seed instanceof Number n && Py.isIntegral(n)) {
            key = BigInteger.valueOf(n.longValue()).abs();
        } else {
            byte[] text = Py.str(seed).getBytes(StandardCharsets.UTF_8);
            byte[] digest;
            try {
                digest = MessageDigest.getInstance("SHA-512").digest(text);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            byte[] all = new byte[text.length + digest.length];
            System.arraycopy(text, 0, all, 0, text.length);
            System.arraycopy(digest, 0, all, text.length, digest.length);
            key = new BigInteger(1, all);
        }
        List<Integer> words = new ArrayList<>();
        BigInteger mask = BigInteger.valueOf(0xffffffffL);
        while (key.signum() > 0) {
            words.add(key.and(mask).intValue());
            key = key.shiftRight(32);
        }
        if (words.isEmpty()) {
            words.add(0);
        }
        initByArray(words);
    }

    private void initGenrand(int s) {
        state[0] = s;
        for (index = 1; index < N; index++) {
            state[index] = 1812433253 * (state[index - 1] ^ (state[index - 1] >>> 30)) + index;
        }
    }

    private void initByArray(List<Integer> key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.size()); k > 0; k--) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >>> 30)) * 1664525)) + key.get(j) + j;
            i++;
            j++;
            if (i >= N) {
                state[0] = state[N - 1];
                i = 1;
            }
            if (j >= key.size()) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                state[0] = state[N - 1];
                i = 1;
            }
        }
        state[0] = 0x80000000;
        index = N;
    }

    private int next32() {
        if (index >= N) {
            for (int k = 0; k < N; k++) {
                int y = (state[k] & 0x80000000) | (state[(k + 1) % N] & 0x7fffffff);
                state[k] = state[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }
        int y = state[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** getrandbits(k) for k up to 64. */
    private long randBits(int k) {
        if (k <= 32) {
            return (next32() & 0xffffffffL) >>> (32 - k);
        }
        long low = next32() & 0xffffffffL;
        long high = (next32() & 0xffffffffL) >>> (64 - k);
        return (high << 32) | low;
    }

    /** Random._randbelow_with_getrandbits(n). */
    public long below(long n) {
        if (n <= 0) {
            return 0;
        }
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = randBits(k);
        while (r >= n) {
            r = randBits(k);
        }
        return r;
    }

    /** randrange(start, stop, step). */
    public long randrange(long start, long stop, long step) {
        long width = stop - start;
        if (step == 1) {
            return start + below(width);
        }
        long count = step > 0 ? (width + step - 1) / step : (width + step + 1) / step;
        return start + step * below(count);
    }

    /** random.shuffle: Fisher-Yates from the end. */
    public void shuffle(List<Object> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = (int) below(i + 1L);
            Object swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
    }
}
