package dev.custos.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The paths a bag gives to names chosen by others. */
class BagPathsTest {

    private final BagPaths paths = new BagPaths();

    @Test
    void everySegmentKeepsOnlySafeCharactersAndClimbsNowhere() {
        assertThat(paths.allocate("evidence/Photo 1 (kitchen).jpg")).isEqualTo("data/evidence/Photo_1__kitchen_.jpg");
        assertThat(paths.allocate("../../etc/passwd")).isEqualTo("data/etc/passwd");
        assertThat(paths.allocate("..\\..\\windows\\system.ini")).isEqualTo("data/windows/system.ini");
        assertThat(paths.allocate("/.hidden.")).isEqualTo("data/hidden");
        assertThat(paths.allocate("..")).isEqualTo("data/file");
        assertThat(paths.allocate("x".repeat(300))).isEqualTo("data/" + "x".repeat(120));
    }

    @Test
    void aNameTakenInAnyCaseGetsANumberBeforeItsExtension() {
        assertThat(paths.allocate("evidence/photo.jpg")).isEqualTo("data/evidence/photo.jpg");
        assertThat(paths.allocate("evidence/PHOTO.JPG")).isEqualTo("data/evidence/PHOTO-2.JPG");
        assertThat(paths.allocate("evidence/photo?.jpg")).isEqualTo("data/evidence/photo_.jpg");
        assertThat(paths.allocate("evidence/photo.jpg.")).isEqualTo("data/evidence/photo-3.jpg");
    }

    @Test
    void aFileAndADirectoryNeverShareAName() {
        assertThat(paths.allocate("evidence/a.txt")).isEqualTo("data/evidence/a.txt");
        assertThat(paths.allocate("Evidence")).isEqualTo("data/Evidence-2");
        assertThat(paths.allocate("notes")).isEqualTo("data/notes");
        assertThat(paths.allocate("notes/b.txt")).isEqualTo("data/notes_b.txt");
    }
}
