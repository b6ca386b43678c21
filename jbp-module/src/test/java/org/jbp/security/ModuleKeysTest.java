package org.jbp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleKeysTest {

    @TempDir
    Path dir;

    @Test
    void nodesGivenTheSameKeyFileSignAndVerifyEachOthersTokens() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair original = generator.generateKeyPair();
        Path file = dir.resolve("tab-key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(original.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        KeyPair nodeA = ModuleKeys.read(file);
        KeyPair nodeB = ModuleKeys.read(file);
        assertEquals(original.getPublic(), nodeA.getPublic(), "the public half is derived from the private key");
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(nodeA.getPrivate());
        signer.update("token".getBytes());
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(nodeB.getPublic());
        verifier.update("token".getBytes());
        assertTrue(verifier.verify(signature));
    }

    @Test
    void aKeyInAnotherFormatIsRefusedWithTheWayOut() throws Exception {
        Path file = dir.resolve("rsa.pem");
        Files.writeString(file, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModuleKeys.read(file));
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8"), e.getMessage());
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> ModuleKeys.read(garbage)).getMessage()
                .contains("not an RSA private key"));
        assertThrows(IllegalStateException.class, () -> ModuleKeys.read(dir.resolve("missing.pem")));
    }
}
