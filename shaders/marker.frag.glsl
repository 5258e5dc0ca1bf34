#version 410 core
// Marker spheres: bright, lit, with a dark rim so they read on any tissue.
in vec3 vViewNormal;
in vec3 vViewPosition;

uniform vec3 uColour; // linear

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
    vec3 colour = uColour * (0.35 + 0.75 * diffuse) + vec3(0.35 * spec);
    colour *= mix(0.35, 1.0, smoothstep(0.0, 0.45, facing)); // dark outline
    outColour = vec4(colour, 1.0);
    outReveal = vec4(0.0);
}
