#pragma once
// One model import running on a worker thread (the window's File > Import model...): the same service as
// the command line (model_import_service.h), with its progress, a Cancel, and the outcome to show.
#include "session/model_import_service.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace ta::session {

class ModelImportJob {
public:
    /// Starts importing at once. Never throws from the worker: a failure becomes error().
    explicit ModelImportJob(ModelImportRequest request);
    /// Cancels a running import and waits for it (nothing is written then).
    ~ModelImportJob();
    ModelImportJob(const ModelImportJob&) = delete;
    ModelImportJob& operator=(const ModelImportJob&) = delete;

    const ModelImportRequest& request() const { return m_request; }
    /// 0..1, never decreasing.
    double progress() const { return m_progress.load(); }
    bool finished() const { return m_finished.load(); }
    /// Asks the import to stop at its next step; finished() follows soon after, with cancelled().
    void cancel() { m_cancel = true; }
    bool cancelRequested() const { return m_cancel.load(); }

    // The outcome, once finished(): exactly one of result(), error() or cancelled().
    const std::optional<ModelImportResult>& result() const;
    /// One line naming the file ("FMA7777.stl: ..."); empty on success or cancel.
    std::string error() const;
    bool cancelled() const;
    /// Waits for the worker (tests; the window polls finished() instead).
    void wait();

private:
    void run() noexcept;

    ModelImportRequest m_request;
    std::atomic<double> m_progress{0.0};
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_finished{false};
    mutable std::mutex m_mutex; ///< guards the outcome until finished()
    std::optional<ModelImportResult> m_result;
    std::string m_error;
    bool m_cancelled = false;
    std::thread m_worker; ///< last: starts after everything above is ready
};

} // namespace ta::session
