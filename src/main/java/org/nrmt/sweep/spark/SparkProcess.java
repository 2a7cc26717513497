package org.nrmt.sweep.spark;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM that runs the Spark engine (theory/sweeps.md §5). The plain command line never loads
 * Spark: {@code nrmt sweep --engine spark} starts a second JVM with Spark's jars added to its
 * classpath and the {@code --add-opens} options Spark needs on Java 17 (from Spark's own
 * {@code JavaModuleOptions}), runs the same command there and returns its exit code. That JVM
 * halts if its parent dies, so a killed sweep does not leave Spark running.
 *
 * <p>Spark's jars are those listed in {@code target/spark.classpath} (written by the build next to
 * the jar or classes directory), or the classpath in the system property
 * {@value #CLASSPATH_PROPERTY}.
 */
public final class SparkProcess {
    /** System property that overrides the list of Spark's jars (a classpath). */
    public static final String CLASSPATH_PROPERTY = "nrmt.spark.classpath";

    /** Environment variable naming the parent's pid in the Spark JVM. */
    public static final String PARENT_ENV = "NRMT_SWEEP_PARENT";

    private SparkProcess() {}

    /**
     * Whether this JVM can run Spark itself: Spark's classes load and java.base is opened to
     * unnamed modules as Spark needs (spark-submit, or a JVM this class started).
     */
    public static boolean canRunHere() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkProcess.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return Object.class.getModule().isOpen("sun.nio.ch", SparkProcess.class.getModule());
    }

    /** Spark's jars; an {@link IllegalArgumentException} when the build did not list them. */
    public static List<String> sparkClasspath() {
        String prop = System.getProperty(CLASSPATH_PROPERTY);
        if (prop != null && !prop.isBlank()) return split(prop);
        Path file = codeHome().resolve("spark.classpath");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "the Spark engine needs Spark's jars, listed by the build (mvn package) in spark.classpath, got none at "
                            + file);
        }
        try {
            List<String> jars =
                    split(Files.readString(file, StandardCharsets.UTF_8).strip());
            for (String j : jars) {
                if (!Files.isRegularFile(Path.of(j))) {
                    throw new IllegalArgumentException(
                            "a jar in spark.classpath is missing (rebuild with mvn package), got " + j);
                }
            }
            return jars;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + "), got " + file);
        }
    }

    /** The directory holding the nrmt jar or classes directory (target/ in a build). */
    static Path codeHome() {
        try {
            Path code = Path.of(SparkProcess.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return code.toAbsolutePath().getParent();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of(".").toAbsolutePath();
        }
    }

    /** The classpath entries of this JVM that are not Spark's: shipped to a cluster's executors. */
    public static List<String> ownJars() {
        return split(System.getProperty("java.class.path", ""));
    }

    /** Spark's {@code --add-opens} options for Java 17, read from Spark's launcher jar. */
    static List<String> moduleOptions(List<String> sparkJars) {
        URL[] urls = sparkJars.stream()
                .filter(j -> Path.of(j).getFileName().toString().startsWith("spark-launcher"))
                .map(SparkProcess::url)
                .toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            Class<?> c = Class.forName("org.apache.spark.launcher.JavaModuleOptions", true, loader);
            return Arrays.asList(
                    (String[]) c.getMethod("defaultModuleOptionArray").invoke(null));
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException(
                    "cannot read Spark's JVM options from its launcher jar " + Arrays.toString(urls), e);
        }
    }

    /**
     * The command of the Spark JVM: this JVM's java, heap, stack and system-property options,
     * Spark's module options, this classpath plus Spark's jars, then {@code mainClass args}.
     */
    public static List<String> command(String mainClass, List<String> args) {
        List<String> spark = sparkClasspath();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xss") || a.startsWith("-D")) {
                cmd.add(a);
            }
        }
        for (String o : moduleOptions(spark)) {
            // the vector API is for Spark's ML kernels, which a sweep never calls; adding the incubator
            // module only makes the JVM print a warning on every run
            if (!o.contains("jdk.incubator.vector")) cmd.add(o);
        }
        URL config = SparkProcess.class.getResource("log4j2.properties");
        if (config != null && System.getProperty("log4j2.configurationFile") == null) {
            cmd.add("-Dlog4j2.configurationFile=" + config);
        }
        List<String> cp = new ArrayList<>(ownJars());
        cp.addAll(spark);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs {@code mainClass args} in the Spark JVM, its output on ours; returns its exit code.
     * {@code embedded} (a {@code local} master): Spark's address lookup stays on the loopback
     * interface unless SPARK_LOCAL_IP says otherwise.
     */
    public static int run(String mainClass, List<String> args, boolean embedded) {
        ProcessBuilder pb = new ProcessBuilder(command(mainClass, args)).inheritIO();
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        if (embedded) pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put(PARENT_ENV, Long.toString(ProcessHandle.current().pid()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Spark JVM", e);
        }
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** In a Spark JVM started by {@link #run}: halt when the parent process ends. */
    public static void haltWithParent() {
        String parent = System.getenv(PARENT_ENV);
        if (parent == null) return;
        try {
            ProcessHandle.of(Long.parseLong(parent))
                    .ifPresentOrElse(
                            h -> h.onExit().thenRun(() -> Runtime.getRuntime().halt(143)),
                            () -> Runtime.getRuntime().halt(143));
        } catch (NumberFormatException e) {
            // not started by run(): nothing to watch
        }
    }

    private static URL url(String jar) {
        try {
            return Path.of(jar).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a jar path, got " + jar, e);
        }
    }

    private static List<String> split(String classpath) {
        List<String> out = new ArrayList<>();
        for (String s : classpath.split(File.pathSeparator)) {
            if (!s.isBlank()) out.add(s);
        }
        return out;
    }
}
