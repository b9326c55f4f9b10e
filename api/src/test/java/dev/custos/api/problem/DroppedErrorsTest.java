package dev.custos.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A client's reset is not an error of the service; any other dropped error still is. */
@ExtendWith(OutputCaptureExtension.class)
class DroppedErrorsTest {

    @Test
    void aConnectionResetIsNotLoggedAsAnError(CapturedOutput output) {
        DroppedErrors.dropped(new IOException("Connection reset by peer"));
        assertThat(output.getAll()).doesNotContain("ERROR");
    }

    @Test
    void aBodyCutForIdlingIsNotLoggedAsAnError(CapturedOutput output) {
        DroppedErrors.dropped(io.netty.handler.timeout.ReadTimeoutException.INSTANCE);
        assertThat(output.getAll()).doesNotContain("ERROR");
    }

    @Test
    void anythingElseDroppedIsAnError(CapturedOutput output) {
        DroppedErrors.dropped(new IllegalStateException("a projection failed after the answer"));
        assertThat(output.getAll())
                .contains("ERROR")
                .contains("An error arrived after its request had ended")
                .contains("a projection failed after the answer");
    }
}
