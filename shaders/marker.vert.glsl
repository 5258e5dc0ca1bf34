#version 410 core
// A unit sphere placed and scaled at a marker position (model frame, metres).
layout(location = 0) in vec3 aPosition;

uniform mat4 uView;
uniform mat4 uProjection;
uniform vec3 uCentre;
uniform float uRadius;

out vec3 vViewNormal;
out vec3 vViewPosition;

void main()
{
    vec4 viewPosition = uView * vec4(uCentre + aPosition * uRadius, 1.0);
    vViewNormal = mat3(uView) * aPosition;
    vViewPosition = viewPosition.xyz;
    gl_Position = uProjection * viewPosition;
}
