// Headless EGL context. Called through libepoxy: eglGetPlatformDisplayEXT with the Mesa surfaceless or the
// EGL device platform (plain eglGetDisplay / eglGetPlatformDisplay abort inside epoxy on this set-up).
#include "render/egl_context.h"

#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include <dlfcn.h>

#include <string>

namespace ta::render {
namespace {

class EglContext final : public GlContext {
public:
    EglContext(EGLDisplay display, EGLContext context, std::string platform)
        : m_display(display), m_context(context), m_platform(std::move(platform))
    {
    }
    ~EglContext() override
    {
        eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(m_display, m_context);
        eglTerminate(m_display);
    }
    void makeCurrent() override { eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, m_context); }
    std::string description() const override { return "EGL " + m_platform + ": " + currentGlDescription(); }

private:
    EGLDisplay m_display;
    EGLContext m_context;
    std::string m_platform;
};

bool hasClientExtension(const char* name)
{
    const char* extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!extensions)
        return false;
    const std::string all = std::string(" ") + extensions + " ";
    return all.find(std::string(" ") + name + " ") != std::string::npos;
}

// A core 4.1+ context on `display`, current without a surface; nullptr (and the display terminated) on failure.
std::unique_ptr<GlContext> contextOn(EGLDisplay display, const std::string& platform, std::string& why)
{
    EGLint major = 0, minor = 0;
    if (display == EGL_NO_DISPLAY || !eglInitialize(display, &major, &minor)) {
        why += "EGL " + platform + ": no display\n";
        return nullptr;
    }
    const char* displayExtensions = eglQueryString(display, EGL_EXTENSIONS);
    const std::string ext = displayExtensions ? std::string(" ") + displayExtensions + " " : "";
    if (ext.find(" EGL_KHR_surfaceless_context ") == std::string::npos) {
        why += "EGL " + platform + ": no EGL_KHR_surfaceless_context\n";
        eglTerminate(display);
        return nullptr;
    }
    if (!eglBindAPI(EGL_OPENGL_API)) {
        why += "EGL " + platform + ": desktop OpenGL not available\n";
        eglTerminate(display);
        return nullptr;
    }
    const EGLint configAttributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    const bool haveConfig = eglChooseConfig(display, configAttributes, &config, 1, &count) && count > 0;
    const EGLint contextAttributes[] = {EGL_CONTEXT_MAJOR_VERSION, 4, EGL_CONTEXT_MINOR_VERSION, 1,
                                        EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                        EGL_NONE};
    // EGL_KHR_no_config_context lets us go without a config when the platform offers none.
    EGLContext context = eglCreateContext(display, haveConfig ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT,
                                          contextAttributes);
    if (context == EGL_NO_CONTEXT) {
        why += "EGL " + platform + ": cannot create an OpenGL 4.1 core context\n";
        eglTerminate(display);
        return nullptr;
    }
    if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
        why += "EGL " + platform + ": cannot make the context current\n";
        eglDestroyContext(display, context);
        eglTerminate(display);
        return nullptr;
    }
    return std::make_unique<EglContext>(display, context, platform);
}

} // namespace

std::unique_ptr<GlContext> createEglContext(std::string& why)
{
    // Without libEGL, epoxy would abort on the first EGL call: look before touching it.
    if (void* lib = dlopen("libEGL.so.1", RTLD_LAZY | RTLD_LOCAL); lib) {
        dlclose(lib);
    } else {
        why += "EGL: libEGL.so.1 not found\n";
        return nullptr;
    }
    if (!hasClientExtension("EGL_EXT_platform_base")) {
        why += "EGL: no EGL_EXT_platform_base\n";
        return nullptr;
    }
    if (hasClientExtension("EGL_MESA_platform_surfaceless")) {
        EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        if (auto context = contextOn(display, "surfaceless", why))
            return context;
    }
    if (hasClientExtension("EGL_EXT_platform_device") && hasClientExtension("EGL_EXT_device_enumeration")) {
        EGLDeviceEXT devices[8];
        EGLint count = 0;
        if (eglQueryDevicesEXT(8, devices, &count)) {
            for (EGLint i = 0; i < count; ++i) {
                EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
                if (auto context = contextOn(display, "device " + std::to_string(i), why))
                    return context;
            }
        }
    }
    return nullptr;
}

std::string currentGlDescription()
{
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return std::string(renderer ? renderer : "?") + ", OpenGL " + (version ? version : "?");
}

} // namespace ta::render
