package app.atrium.analysis.internal.worker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.atrium.analysis.internal.AnalysisJob;
import app.atrium.analysis.internal.AnalysisRecorder;
import app.atrium.analysis.internal.AnalysisResult;
import app.atrium.analysis.internal.analyzer.Analyzer;
import app.atrium.analysis.internal.analyzer.ImageMetrics;
import app.atrium.messaging.JobHandler;
import app.atrium.messaging.JobMessage;
import app.atrium.messaging.PermanentJobException;
import app.atrium.storage.ObjectStorage;
import app.atrium.upload.AccountUploads;
import app.atrium.upload.UploadPurpose;
import app.atrium.upload.UploadStatus;

/**
 * Runs one skin analysis: marks it PROCESSING (so the app sees progress), reads the cleaned photos
 * from storage, measures each with the {@link Analyzer} and returns the result for the runner to
 * write once, in the transaction that records the message as done. A photo deleted meanwhile or one
 * the analyzer refuses ends the analysis FAILED with a reason; storage trouble is retried with
 * backoff and, when it lasts, fails the analysis too (never stuck in PROCESSING).
 */
@ApplicationScoped
public class AnalysisProcessor implements JobHandler {

    private static final Logger LOG = Logger.getLogger(AnalysisProcessor.class);

    private final AnalysisRecorder recorder;
    private final AccountUploads uploads;
    private final ObjectStorage storage;
    private final Analyzer analyzer;
    private final ObjectMapper mapper;
    private final Clock clock;

    AnalysisProcessor(AnalysisRecorder recorder, AccountUploads uploads, ObjectStorage storage, Analyzer analyzer,
            ObjectMapper mapper, Clock clock) {
        this.recorder = recorder;
        this.uploads = uploads;
        this.storage = storage;
        this.analyzer = analyzer;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public String consumer() {
        return "skin-analyzer";
    }

    @Override
    public Result process(JobMessage job) throws Exception {
        UUID id = parse(job.payload()).analysisId();
        Optional<List<UUID>> photos = recorder.start(id, clock.instant());
        if (photos.isEmpty()) {
            LOG.infof("Skin analysis %s is gone or already finished; nothing to do", id);
            return () -> {
            };
        }
        List<AnalysisResult.ImageResult> images = new ArrayList<>();
        List<UUID> ids = photos.get();
        for (int i = 0; i < ids.size(); i++) {
            String which = ids.size() == 1 ? "" : "photo " + (i + 1) + ": ";
            Optional<AccountUploads.StoredFile> file = uploads.find(ids.get(i))
                    .filter(f -> f.status() == UploadStatus.READY && f.purpose() == UploadPurpose.SKIN_IMAGE);
            if (file.isEmpty()) {
                return failed(id, "IMAGE_GONE", which + "the photo was deleted before it could be analysed; start a "
                        + "new analysis");
            }
            byte[] bytes;
            try {
                bytes = storage.read(file.get().objectKey(), UploadPurpose.SKIN_IMAGE.maxBytes());
            } catch (ObjectStorage.MissingObjectException e) {
                return failed(id, "IMAGE_GONE", which + "the photo was deleted before it could be analysed; start a "
                        + "new analysis");
            }
            try {
                ImageMetrics m = analyzer.analyze(bytes);
                images.add(AnalysisResult.of(ids.get(i), m));
            } catch (Analyzer.Rejected e) {
                return failed(id, e.code(), which + e.getMessage());
            }
        }
        AnalysisResult result = AnalysisResult.of(images);
        String text = mapper.writeValueAsString(result);
        String version = analyzer.version();
        return () -> recorder.done(id, version, text, result.summary().overallScore(), clock.instant());
    }

    private Result failed(UUID id, String code, String message) {
        LOG.infof("Skin analysis %s failed: %s %s", id, code, message);
        return () -> recorder.failed(id, code, message, clock.instant());
    }

    @Override
    public void onFailed(JobMessage job, String reason) {
        try {
            recorder.failed(parse(job.payload()).analysisId(), "PROCESSING_FAILED", "the analysis could not be "
                    + "completed; try again later (" + reason + ")", clock.instant());
        } catch (PermanentJobException e) {
            // the payload names no analysis: only the job run keeps the reason
        }
    }

    private AnalysisJob parse(String payload) {
        try {
            AnalysisJob job = mapper.readValue(payload, AnalysisJob.class);
            if (job == null || job.analysisId() == null) {
                throw new PermanentJobException("Malformed analysis job: no analysisId");
            }
            return job;
        } catch (JsonProcessingException e) {
            throw new PermanentJobException("Malformed analysis job payload", e);
        }
    }
}
