package io.jplay.yaml;

/**
 * A value tagged {@code !vault}: Ansible Vault ciphertext. Decryption comes with the Vault issue; until
 * then using the value is an error, and its text never reaches output.
 */
public record VaultText(String ciphertext) {
    @Override
    public String toString() {
        return "<vault encrypted value>";
    }
}
