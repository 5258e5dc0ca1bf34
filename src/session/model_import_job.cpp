#include "session/model_import_job.h"

#include <exception>

namespace ta::session {

ModelImportJob::ModelImportJob(ModelImportRequest request) : m_request(std::move(request)), m_worker([this] { run(); })
{}

ModelImportJob::~ModelImportJob()
{
    cancel();
    wait();
}

void ModelImportJob::wait()
{
    if (m_worker.joinable())
        m_worker.join();
}

void ModelImportJob::run() noexcept
{
    std::optional<ModelImportResult> result;
    std::string error;
    bool cancelled = false;
    try {
        result = importModelFile(m_request, [this](double f) {
            m_progress = f; // the service reports never decreasing
            return !m_cancel.load();
        });
    } catch (const io::ImportCancelled&) {
        cancelled = true;
    } catch (const std::exception& e) {
        error = e.what();
        if (error.empty())
            error = m_request.source.string() + ": import failed";
    } catch (...) {
        error = m_request.source.string() + ": import failed";
    }
    {
        const std::lock_guard lock(m_mutex);
        m_result = std::move(result);
        m_error = std::move(error);
        m_cancelled = cancelled;
    }
    m_finished = true;
}

const std::optional<ModelImportResult>& ModelImportJob::result() const
{
    const std::lock_guard lock(m_mutex);
    return m_result;
}

std::string ModelImportJob::error() const
{
    const std::lock_guard lock(m_mutex);
    return m_error;
}

bool ModelImportJob::cancelled() const
{
    const std::lock_guard lock(m_mutex);
    return m_cancelled;
}

} // namespace ta::session
