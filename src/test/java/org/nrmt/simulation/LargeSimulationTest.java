package org.nrmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #4: n1 = 10000 runs within a 3 GB heap. A child JVM with -Xmx3g runs
 * {@code nrmt simulate --n0 2000 --n1 10000 --m 2000}: M alone is 800 MB and W, X, WX another
 * 320 MB, all off-heap; the heap holds one column per task and the eigenvalues. n1 > m, so
 * exactly n1 − m = 8000 eigenvalues are zeros.
 */
@Tag("slow")
class LargeSimulationTest {

    @Test
    void n1TenThousandRunsInAThreeGigabyteHeap() throws Exception {
        Path out = Files.createTempFile("nrmt-large", ".csv");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xmx3g",
                "-cp",
                System.getProperty("java.class.path"),
                "org.nrmt.cli.Main",
                "simulate",
                "-f",
                "tanh",
                "--n0",
                "2000",
                "--n1",
                "10000",
                "--m",
                "2000",
                "--threads",
                "2",
                "--quiet",
                "--format",
                "csv",
                "--out",
                out.toString());
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        int code = pb.start().waitFor();
        assertEquals(0, code, "exit code");
        List<String> lines = Files.readAllLines(out);
        Files.deleteIfExists(out);
        assertEquals("eigenvalue", lines.get(0));
        assertEquals(10000, lines.size() - 1);
        double[] ev = lines.stream().skip(1).mapToDouble(Double::parseDouble).toArray();
        EmpiricalSpectrum esd = EmpiricalSpectrum.of(ev);
        assertEquals(0.8, esd.massNear(0), 0);
        assertTrue(esd.max() > 0);
    }
}
