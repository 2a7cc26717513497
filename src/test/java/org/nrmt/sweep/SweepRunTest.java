package org.nrmt.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.EigenSolvers;

/** A sweep directory across runs: rows, resumption, identity of rows across worker counts, refusals. */
class SweepRunTest {
    static final String GRID8 =
            "{\"activation\": [\"tanh\", \"relu\"], \"n0\": 300, \"phi\": [0.5, 1]," + " \"trials\": 2, \"seed\": 7}";
    static EigenSolver solver;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        solver = EigenSolvers.forBackend(Backend.native_, msg -> {});
    }

    static Sweep.Summary run(String json, Path dir, int workers) {
        return Sweep.run(SweepSpec.parse(json), dir, new LocalEngine(solver, workers), (d, t, s) -> {});
    }

    /** 8 tasks, 8 rows; a rerun runs nothing and rewrites the same bytes; 1 or 3 workers, same rows. */
    @Test
    void eightRowsOnceAndTheSameWhateverTheWorkers() throws IOException {
        Path a = tmp.resolve("a");
        Sweep.Summary first = run(GRID8, a, 2);
        assertEquals(new Sweep.Summary(8, 0, 8, List.of()), first);
        byte[] csv = Files.readAllBytes(a.resolve("results.csv"));
        byte[] parquet = Files.readAllBytes(a.resolve("results.parquet"));
        assertEquals(9, new String(csv, StandardCharsets.UTF_8).split("\n").length);
        assertEquals(8, Files.readAllLines(a.resolve("manifest.jsonl")).size());

        Sweep.Summary again = run(GRID8, a, 2);
        assertEquals(new Sweep.Summary(8, 8, 0, List.of()), again);
        assertArrayEquals(csv, Files.readAllBytes(a.resolve("results.csv")));
        assertArrayEquals(parquet, Files.readAllBytes(a.resolve("results.parquet")));
        assertEquals(8, Files.readAllLines(a.resolve("manifest.jsonl")).size());

        for (int w : new int[] {1, 3}) {
            Path b = tmp.resolve("w" + w);
            run(GRID8, b, w);
            assertArrayEquals(csv, Files.readAllBytes(b.resolve("results.csv")), "workers " + w);
            assertArrayEquals(parquet, Files.readAllBytes(b.resolve("results.parquet")), "workers " + w);
        }
        assertTrue(Files.readString(a.resolve("timings.csv")).startsWith("index,task,seconds,engine,worker\n"));
    }

    /** The Parquet file read back by parquet-java holds the CSV's numbers, doubles bit for bit. */
    @Test
    void parquetHoldsTheCsvsNumbers() throws IOException {
        Path a = tmp.resolve("p");
        run(
                "{\"activation\":\"tanh\",\"n0\":80,\"phi\":[0.5,2],\"trials\":2,\"histogram\":{\"bins\":4,\"from\":0,\"to\":2}}",
                a,
                2);
        List<String> lines = Files.readAllLines(a.resolve("results.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(SweepRow.columns(true), header);
        List<Group> groups = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(a.resolve("results.parquet")))) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            assertEquals(ResultTables.schema(true), schema);
            for (PageReadStore pages = r.readNextRowGroup(); pages != null; pages = r.readNextRowGroup()) {
                RecordReader<Group> rr = new ColumnIOFactory()
                        .getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) groups.add(rr.read());
            }
        }
        assertEquals(4, groups.size());
        for (int i = 0; i < 4; i++) {
            String[] cells = lines.get(i + 1).split(",");
            Group g = groups.get(i);
            assertEquals(cells[0], g.getString("activation", 0));
            assertEquals(Integer.parseInt(cells[1]), g.getInteger("n0", 0));
            assertEquals(Double.parseDouble(cells[2]), g.getDouble("phi", 0));
            assertEquals(Integer.parseInt(cells[8]), g.getInteger("trial", 0));
            assertEquals(Integer.parseInt(cells[11]), g.getInteger("m", 0));
            for (int c = 12; c < 23; c++) {
                assertEquals(Double.parseDouble(cells[c]), g.getDouble(header.get(c), 0), header.get(c));
            }
            Group h = g.getGroup("histogram", 0);
            StringBuilder counts = new StringBuilder();
            for (int k = 0; k < h.getFieldRepetitionCount("list"); k++) {
                if (k > 0) counts.append(' ');
                counts.append(h.getGroup("list", k).getLong("element", 0));
            }
            assertEquals(cells[25], counts.toString());
            assertEquals(Long.parseLong(cells[23]), g.getLong("histogram_below", 0));
        }
    }

    /** A manifest line a kill cut short is dropped and its task runs again, to the same row. */
    @Test
    void tornManifestLineIsRedone() throws IOException {
        Path a = tmp.resolve("t");
        run(GRID8, a, 2);
        byte[] csv = Files.readAllBytes(a.resolve("results.csv"));
        Path manifest = a.resolve("manifest.jsonl");
        List<String> lines = Files.readAllLines(manifest);
        // keep five whole lines and half of the sixth, as a kill inside write(2) could leave
        String torn =
                String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, 40);
        Files.writeString(manifest, torn);
        Files.delete(a.resolve("results.csv"));
        Sweep.Summary s = run(GRID8, a, 2);
        assertEquals(new Sweep.Summary(8, 5, 3, List.of()), s);
        assertArrayEquals(csv, Files.readAllBytes(a.resolve("results.csv")));
        assertEquals(8, Files.readAllLines(manifest).size());
    }

    @Test
    void otherSpecsAndForeignDirectoriesAreRefused() throws IOException {
        Path a = tmp.resolve("r");
        run("{\"activation\":\"tanh\",\"n0\":60,\"phi\":1}", a, 1);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> run("{\"activation\":\"tanh\",\"n0\":60,\"phi\":2}", a, 1));
        assertEquals(
                "the directory holds a different sweep (its spec.json differs from SPEC at line 4: '\"phi\" : [ 1 ],'"
                        + " against '\"phi\" : [ 2 ],'; use a new --out or the same SPEC), got " + a,
                e.getMessage());
        // the same sweep spelled differently is the same sweep
        assertEquals(
                1,
                run("{\"phi\":[1.0],\"n0\":60,\"activation\":\"tanh\"}", a, 1).skipped());

        Path other = Files.createDirectories(tmp.resolve("o"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        e = assertThrows(IllegalArgumentException.class, () -> run(GRID8, other, 1));
        assertEquals(
                "the directory is not empty and holds no sweep (no spec.json; it has notes.txt), got " + other,
                e.getMessage());

        Path file = Files.writeString(tmp.resolve("f"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> run(GRID8, file, 1));
        assertEquals("--out must be a directory, got " + file, e.getMessage());

        Path link = tmp.resolve("l");
        Path target = Files.createDirectories(tmp.resolve("lt"));
        Files.createSymbolicLink(a.resolve("results.csv.link"), target);
        Files.delete(a.resolve("results.csv"));
        Files.createSymbolicLink(a.resolve("results.csv"), target.resolve("x.csv"));
        e = assertThrows(
                IllegalArgumentException.class, () -> run("{\"activation\":\"tanh\",\"n0\":60,\"phi\":1}", a, 1));
        assertEquals(
                "a sweep file is a symlink or not a regular file, got " + a.resolve("results.csv"), e.getMessage());
        assertTrue(Files.notExists(target.resolve("x.csv")));
        assertTrue(Files.notExists(link));
    }

    /** While one run holds the directory, a second is refused. */
    @Test
    void oneRunAtATime() {
        Path a = tmp.resolve("lock");
        SweepSpec spec = SweepSpec.parse("{\"activation\":\"tanh\",\"n0\":60,\"phi\":1}");
        try (SweepDirectory held = SweepDirectory.open(a, spec)) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> SweepDirectory.open(a, spec));
            assertEquals("another sweep is running in this directory, got " + a, e.getMessage());
        }
        assertEquals(
                1, run("{\"activation\":\"tanh\",\"n0\":60,\"phi\":1}", a, 1).completed());
    }
}
