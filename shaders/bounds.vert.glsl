#version 410 core
// A structure's bounding box for an occlusion query: the unit cube [0, 1]^3 stretched over the bounds
// (model frame, metres). Nothing is written; the query counts the samples that pass the depth test.
layout(location = 0) in vec3 aPosition;

uniform mat4 uViewProjection;
uniform vec3 uBoundsMin;
uniform vec3 uBoundsMax;

void main() { gl_Position = uViewProjection * vec4(mix(uBoundsMin, uBoundsMax, aPosition), 1.0); }
