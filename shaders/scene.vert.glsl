#version 410 core
// Structures of the anatomy model. Model frame = world frame (metres); lighting happens in view space.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec3 aFibre;    // unit muscle-fibre direction, zero for other tissue
layout(location = 3) in vec2 aReferral; // (essential, spillover) weights in [0, 1]
layout(location = 4) in float aPain;    // the client's pain drawing, intensity in [0, 1]
layout(location = 5) in float aOcclusion; // baked ambient occlusion: 1 open, 0 closed
layout(location = 6) in float aAcross;    // metres across a muscle sheet (constant along its fibres); < 0: none
layout(location = 7) in float aTendon;    // 0 fleshy muscle .. 1 tendon or aponeurosis

uniform mat4 uView;
uniform mat4 uProjection;

out vec3 vWorldPosition;
out vec3 vViewPosition;
out vec3 vWorldNormal;
out vec3 vViewNormal;
out vec3 vWorldFibre;
out vec3 vViewFibre;
out vec2 vReferral;
out float vPain;
out float vOcclusion;
out float vAcross;
out float vTendon;

void main()
{
    vec4 viewPosition = uView * vec4(aPosition, 1.0);
    vWorldPosition = aPosition;
    vViewPosition = viewPosition.xyz;
    vWorldNormal = aNormal;
    vViewNormal = mat3(uView) * aNormal; // the view matrix is a rotation plus a translation
    vWorldFibre = aFibre;
    vViewFibre = mat3(uView) * aFibre;
    vReferral = aReferral;
    vPain = aPain;
    vOcclusion = aOcclusion;
    vAcross = aAcross;
    vTendon = aTendon;
    gl_Position = uProjection * viewPosition;
}
