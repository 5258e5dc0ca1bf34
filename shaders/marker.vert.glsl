#version 410 core
// A unit sphere placed and scaled at a marker position (model frame, metres).
layout(location = 0) in vec3 aPosition;

uniform mat4 uView;
uniform mat4 uProjection;
uniform vec3 uCentre;
uniform float uRadius;
uniform vec3 uAxes; // ellipsoid half-axes relative to uRadius

out vec3 vViewNormal;
out vec3 vViewPosition;

void main()
{
    vec4 viewPosition = uView * vec4(uCentre + aPosition * uRadius * uAxes, 1.0);
    vViewNormal = mat3(uView) * normalize(aPosition / uAxes);
    vViewPosition = viewPosition.xyz;
    gl_Position = uProjection * viewPosition;
}
