package org.nrmt.sweep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.slf4j.helpers.NOP_FallbackServiceProvider;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The tables of a sweep directory, as bytes: results.csv (grid decimals as written in the SPEC,
 * doubles as their shortest round-trip decimal), results.parquet (Apache Parquet through
 * parquet-java, uncompressed, one row group; doubles as IEEE binary64, so both files hold the same
 * numbers) and timings.csv. Rows come in task order, so the bytes do not depend on the order in
 * which tasks finished.
 *
 * <p>parquet-java needs no Hadoop on the classpath with a {@link PlainParquetConfiguration} and
 * an {@link OutputFile} of its own; compression codecs would, which is why the file is uncompressed
 * (a row is ~200 bytes).
 */
public final class ResultTables {

    static {
        // parquet-java logs through SLF4J; without a provider SLF4J warns on stderr at first use.
        if (System.getProperty("slf4j.provider") == null
                && ServiceLoader.load(SLF4JServiceProvider.class).findFirst().isEmpty()) {
            System.setProperty("slf4j.provider", NOP_FallbackServiceProvider.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    private ResultTables() {}

    /** results.csv: a header and one line per row. */
    public static byte[] csv(List<SweepRow> rows, boolean histogram) {
        return csv(
                SweepRow.columns(histogram),
                rows.stream().map(r -> values(r, histogram)).toList());
    }

    /** RFC 4180 CSV with '\n' line ends: a header and the records. */
    private static byte[] csv(List<String> header, List<? extends List<?>> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter p = CSVFormat.DEFAULT
                        .builder()
                        .setRecordSeparator('\n')
                        .get()
                        .print(w)) {
            p.printRecord(header);
            for (List<?> r : records) {
                p.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The CSV cells of a row. */
    static List<String> values(SweepRow r, boolean histogram) {
        GridPoint p = r.task().point();
        List<String> v = new ArrayList<>(List.of(
                p.activation(),
                Integer.toString(p.n0()),
                plain(p.phi()),
                plain(p.psi()),
                p.bias().name(),
                plain(p.biasSigma()),
                plain(p.sigmaW()),
                Boolean.toString(p.sampledBias()),
                Integer.toString(r.task().trial()),
                Long.toString(r.task().seed()),
                Integer.toString(p.n1()),
                Integer.toString(p.m()),
                number(r.ks()),
                number(r.w1()),
                number(r.stieltjesMaxError()),
                number(r.atomTheory()),
                number(r.atomEmpirical())));
        r.momentsTheory().forEach(x -> v.add(number(x)));
        r.momentsEmpirical().forEach(x -> v.add(number(x)));
        if (histogram) {
            List<Long> h = r.histogram();
            v.add(Long.toString(h.get(0)));
            v.add(Long.toString(h.get(h.size() - 1)));
            v.add(h.subList(1, h.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        return v;
    }

    /** timings.csv: where and how long each completed task ran, in task order. */
    public static byte[] timings(List<TaskOutcome> outcomes) {
        return csv(
                List.of("index", "task", "seconds", "engine", "worker"),
                outcomes.stream()
                        .map(o -> List.of(
                                o.task().index(),
                                o.task().id(),
                                String.format(Locale.ROOT, "%.3f", o.seconds()),
                                o.engine(),
                                o.worker()))
                        .toList());
    }

    /** The Parquet schema of the rows: the CSV's columns, typed. */
    static MessageType schema(boolean histogram) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named("activation");
        b.required(PrimitiveTypeName.INT32).named("n0");
        b.required(PrimitiveTypeName.DOUBLE).named("phi");
        b.required(PrimitiveTypeName.DOUBLE).named("psi");
        b.required(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named("bias");
        b.required(PrimitiveTypeName.DOUBLE).named("bias_sigma");
        b.required(PrimitiveTypeName.DOUBLE).named("sigma_w");
        b.required(PrimitiveTypeName.BOOLEAN).named("sampled_bias");
        b.required(PrimitiveTypeName.INT32).named("trial");
        b.required(PrimitiveTypeName.INT64).named("seed");
        b.required(PrimitiveTypeName.INT32).named("n1");
        b.required(PrimitiveTypeName.INT32).named("m");
        for (String c :
                SweepRow.columns(false).subList(12, SweepRow.columns(false).size())) {
            b.required(PrimitiveTypeName.DOUBLE).named(c);
        }
        if (histogram) {
            b.required(PrimitiveTypeName.INT64).named("histogram_below");
            b.required(PrimitiveTypeName.INT64).named("histogram_above");
            b.requiredList().requiredElement(PrimitiveTypeName.INT64).named("histogram");
        }
        return b.named("sweep_row");
    }

    /** results.parquet. */
    public static byte[] parquet(List<SweepRow> rows, boolean histogram) {
        MessageType schema = schema(histogram);
        InMemoryOutputFile file = new InMemoryOutputFile();
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(file)
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            for (SweepRow r : rows) {
                w.write(group(groups.newGroup(), r, histogram));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Parquet table", e);
        }
        return withSortedEncodings(file.bytes());
    }

    /**
     * The file with each column chunk's list of encodings (and encoding statistics) in a fixed
     * order. parquet-java collects them in a HashSet of enums, whose order follows identity hash
     * codes and so changes from one JVM to the next (apache/parquet-java#3215): the same rows would
     * give files that differ in a few footer bytes. Reordering a list keeps the footer's length,
     * and nothing else in the file points into the footer.
     */
    static byte[] withSortedEncodings(byte[] bytes) {
        int n = bytes.length;
        int length =
                ByteBuffer.wrap(bytes, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int start = n - 8 - length;
        try {
            FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(bytes, start, length));
            for (RowGroup group : meta.getRow_groups()) {
                for (ColumnChunk chunk : group.getColumns()) {
                    ColumnMetaData c = chunk.getMeta_data();
                    c.getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
                    if (c.isSetEncoding_stats()) {
                        c.getEncoding_stats()
                                .sort(Comparator.comparingInt((PageEncodingStats e) ->
                                                e.getPage_type().getValue())
                                        .thenComparingInt(e -> e.getEncoding().getValue()));
                    }
                }
            }
            ByteArrayOutputStream footer = new ByteArrayOutputStream();
            Util.writeFileMetaData(meta, footer);
            if (footer.size() != length) {
                throw new IllegalStateException(
                        "reordering the Parquet footer changed its length, got " + footer.size() + " for " + length);
            }
            byte[] out = bytes.clone();
            System.arraycopy(footer.toByteArray(), 0, out, start, length);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the Parquet footer", e);
        }
    }

    private static Group group(Group g, SweepRow r, boolean histogram) {
        GridPoint p = r.task().point();
        g.append("activation", p.activation())
                .append("n0", p.n0())
                .append("phi", p.phi().doubleValue())
                .append("psi", p.psi().doubleValue())
                .append("bias", p.bias().name())
                .append("bias_sigma", p.biasSigma().doubleValue())
                .append("sigma_w", p.sigmaW().doubleValue())
                .append("sampled_bias", p.sampledBias())
                .append("trial", r.task().trial())
                .append("seed", r.task().seed())
                .append("n1", p.n1())
                .append("m", p.m())
                .append("ks", r.ks())
                .append("w1", r.w1())
                .append("stieltjes_max_error", r.stieltjesMaxError())
                .append("atom_theory", r.atomTheory())
                .append("atom_empirical", r.atomEmpirical());
        for (int k = 0; k < SweepRow.MOMENTS; k++) {
            g.append("moment" + (k + 1) + "_theory", r.momentsTheory().get(k));
        }
        for (int k = 0; k < SweepRow.MOMENTS; k++) {
            g.append("moment" + (k + 1) + "_empirical", r.momentsEmpirical().get(k));
        }
        if (histogram) {
            List<Long> h = r.histogram();
            g.append("histogram_below", h.get(0)).append("histogram_above", h.get(h.size() - 1));
            Group list = g.addGroup("histogram");
            for (long c : h.subList(1, h.size() - 1)) {
                list.addGroup("list").append("element", c);
            }
        }
        return g;
    }

    /** A decimal as the SPEC wrote it (no exponent, no trailing zeros). */
    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** The shortest decimal that reads back as this double. */
    static String number(double v) {
        return Double.toString(v);
    }

    /** A Parquet {@link OutputFile} in memory: the bytes are written to the directory atomically. */
    private static final class InMemoryOutputFile implements OutputFile {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            out.reset();
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return out.size();
                }

                @Override
                public void write(int b) {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    out.write(b, off, len);
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
