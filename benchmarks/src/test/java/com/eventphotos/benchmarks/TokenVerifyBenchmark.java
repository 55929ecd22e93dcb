package com.eventphotos.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The cryptographic core of bearer-token validation: one RS256 (RSA-2048, SHA-256) signature check. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerifyBenchmark {

    private KeyPair keys;
    private byte[] signingInput;
    private byte[] signature;

    @Setup
    public void setUp() throws Exception {
        LocalIssuer issuer = new LocalIssuer();
        keys = issuer.keys();
        String token = issuer.token("bench-user", 3600);
        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = java.util.Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
    }

    @Benchmark
    public boolean rs256Verify() throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(signingInput);
        return verifier.verify(signature);
    }
}
