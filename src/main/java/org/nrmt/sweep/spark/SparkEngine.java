package org.nrmt.sweep.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.EigenSolvers;
import org.nrmt.sweep.SweepEngine;
import org.nrmt.sweep.SweepSpec;
import org.nrmt.sweep.SweepTask;
import org.nrmt.sweep.TaskOutcome;
import org.nrmt.sweep.TaskRunner;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * The sweep's tasks as one Apache Spark job (theory/sweeps.md §5): one partition per pending task,
 * each run by an executor thread with the same {@link TaskRunner} as the local engine (one BLAS
 * thread per task: a Spark task takes one core), and every partition's outcome handed to the sink
 * on the driver as that partition finishes ({@code SparkContext.runJob} with a result handler), so
 * the manifest grows while the job runs. Retried or speculative copies of a task reach the handler
 * once per partition.
 *
 * <p>This class needs Spark on the classpath and the JVM options of
 * {@code org.apache.spark.launcher.JavaModuleOptions} on Java 17; {@link SparkProcess} starts such
 * a JVM. Under {@code spark-submit} the master comes from Spark's configuration.
 */
public final class SparkEngine implements SweepEngine {
    private final String master;
    private final List<String> jars;

    /**
     * An engine on {@code master} ({@code local[N]}, {@code spark://host:port}, …, or null for the
     * one spark-submit configured); {@code jars} are shipped to the executors (empty in local mode).
     */
    public SparkEngine(String master, List<String> jars) {
        this.master = master;
        this.jars = List.copyOf(jars);
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void run(List<SweepTask> pending, SweepSpec.Histogram histogram, Consumer<TaskOutcome> sink) {
        Objects.requireNonNull(sink, "sink");
        SparkConf conf = new SparkConf().setAppName("nrmt sweep");
        if (master != null) conf.setMaster(master);
        if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        boolean local = conf.get("spark.master").startsWith("local");
        conf.setIfMissing("spark.ui.enabled", Boolean.toString(!local));
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // one BLAS thread per Spark task, on every executor
        conf.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        if (local) {
            // embedded: the driver listens on the loopback interface only
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!local && !jars.isEmpty()) conf.setJars(jars.toArray(String[]::new));
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            JavaRDD<SweepTask> rdd = sc.parallelize(pending, pending.size());
            ClassTag<ArrayList<TaskOutcome>> tag = ClassTag$.MODULE$.apply(ArrayList.class);
            sc.sc()
                    .runJob(
                            rdd.rdd(),
                            new RunPartition(histogram),
                            (Function2<Object, ArrayList<TaskOutcome>, BoxedUnit>) (partition, outs) -> {
                                outs.forEach(sink);
                                return BoxedUnit.UNIT;
                            },
                            tag);
        }
    }

    /** The function an executor applies to a partition: each of its tasks through the executor's runner. */
    private static final class RunPartition
            extends scala.runtime.AbstractFunction1<Iterator<SweepTask>, ArrayList<TaskOutcome>>
            implements Function1<Iterator<SweepTask>, ArrayList<TaskOutcome>>, Serializable {
        private static final long serialVersionUID = 1L;
        private final SweepSpec.Histogram histogram;

        RunPartition(SweepSpec.Histogram histogram) {
            this.histogram = histogram;
        }

        @Override
        public ArrayList<TaskOutcome> apply(Iterator<SweepTask> tasks) {
            ArrayList<TaskOutcome> out = new ArrayList<>();
            TaskRunner runner = Executors.runner();
            SparkEnv env = SparkEnv.get();
            TaskContext context = TaskContext.get();
            String worker = "executor-" + (env == null ? "?" : env.executorId()) + "/task-"
                    + (context == null ? "?" : Long.toString(context.taskAttemptId()));
            while (tasks.hasNext()) {
                out.add(runner.run(tasks.next(), histogram, "spark", worker));
            }
            return out;
        }
    }

    /** One {@link TaskRunner} per executor JVM, on the native backend (Java fallback announced on stderr). */
    private static final class Executors {
        private static TaskRunner runner;

        static synchronized TaskRunner runner() {
            if (runner == null) {
                runner = new TaskRunner(
                        EigenSolvers.forBackend(Backend.native_, msg -> System.err.println("nrmt: " + msg)));
            }
            return runner;
        }
    }
}
