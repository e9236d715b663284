package io.supplyguard.release;

import io.supplyguard.release.ModelReleases.Release;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The held, released and rejected versions of the core models, newest first: who deployed, what changed, who decided and why. */
@RestController
class ModelReleaseController {

    private final ModelReleases releases;

    ModelReleaseController(ModelReleases releases) {
        this.releases = releases;
    }

    @GetMapping("/api/model-releases")
    List<Release> releases() {
        return releases.all();
    }
}
