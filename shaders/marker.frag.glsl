#version 410 core
// Marker spheres: bright, lit, with a dark rim so they read on any tissue. Glow markers (uGlow > 0) are soft
// translucent volumes written to the order-independent transparency targets: dense at the centre of the
// silhouette, fading to nothing at its edge.
in vec3 vViewNormal;
in vec3 vViewPosition;

uniform vec3 uColour; // linear
uniform int uOnTop;   // 1: nearest possible depth, so no surface, opaque or ghosted, covers it
uniform float uGlow;  // 0: solid marker; > 0: peak opacity of a glow

layout(location = 0) out vec4 outColour;
layout(location = 1) out vec4 outReveal;

void main()
{
    vec3 n = normalize(vViewNormal);
    vec3 v = normalize(-vViewPosition);
    vec3 l = normalize(vec3(-0.45, 0.55, 0.70));
    float diffuse = max(dot(n, l), 0.0);
    float spec = pow(max(dot(n, normalize(l + v)), 0.0), 40.0);
    float facing = max(dot(n, v), 0.0);
    if (uGlow > 0.0) {
        float alpha = clamp(uGlow * smoothstep(0.0, 0.8, facing), 0.0, 1.0);
        vec3 glow = uColour * (0.7 + 0.5 * facing);
        float weight = clamp(pow(min(1.0, alpha * 10.0) + 0.01, 3.0) * 1e8 * pow(1.0 - gl_FragCoord.z * 0.9, 3.0), 1e-2, 3e3);
        outColour = vec4(glow * alpha, alpha) * weight;
        outReveal = vec4(alpha);
        return;
    }
    vec3 colour = uColour * (0.35 + 0.75 * diffuse) + vec3(0.35 * spec);
    colour *= mix(0.35, 1.0, smoothstep(0.0, 0.45, facing)); // dark outline
    outColour = vec4(colour, 1.0);
    outReveal = vec4(0.0);
    gl_FragDepth = uOnTop == 1 ? 0.0 : gl_FragCoord.z;
}
