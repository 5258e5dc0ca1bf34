#version 410 core
// Final image: background gradient, resolved opaque surfaces, the weighted blended transparency layer on
// top, then linear -> sRGB encoding (the only place gamma is applied).
in vec2 vUv;

uniform sampler2D uOpaque;  // linear RGB, alpha = coverage
uniform sampler2D uAccum;   // sum of weighted premultiplied colour (rgb) and weighted alpha (a)
uniform sampler2D uReveal;  // product of (1 - alpha): how much of the opaque image shows through
uniform vec3 uBackgroundTop;    // linear
uniform vec3 uBackgroundBottom; // linear
uniform int uHasTransparency;

out vec4 outColour;

vec3 linearToSrgb(vec3 c)
{
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main()
{
    vec3 background = mix(uBackgroundBottom, uBackgroundTop, vUv.y);
    vec4 opaque = texture(uOpaque, vUv);
    vec3 colour = mix(background, opaque.rgb / max(opaque.a, 1e-4), clamp(opaque.a, 0.0, 1.0));
    if (uHasTransparency == 1) {
        vec4 accum = texture(uAccum, vUv);
        float reveal = texture(uReveal, vUv).r;
        if (reveal < 0.9999) {
            vec3 average = accum.rgb / clamp(accum.a, 1e-5, 5e4);
            colour = average * (1.0 - reveal) + colour * reveal;
        }
    }
    // A tiny ordered dither hides banding in the dark gradient.
    float dither = (fract(sin(dot(gl_FragCoord.xy, vec2(12.9898, 78.233))) * 43758.5453) - 0.5) / 255.0;
    outColour = vec4(linearToSrgb(colour) + dither, 1.0);
}
