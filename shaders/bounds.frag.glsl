#version 410 core
// Occlusion query of a bounding box: colour and depth writes are off, so the output is never stored.
out vec4 outColour;

void main() { outColour = vec4(0.0); }
