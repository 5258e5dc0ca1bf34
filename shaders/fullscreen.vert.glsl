#version 410 core
// A triangle covering the viewport, with no vertex buffer: draw 3 vertices.
out vec2 vUv;

void main()
{
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    vUv = p;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
