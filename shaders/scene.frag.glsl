#version 410 core
// Tissue materials, three-light shading in linear colour, the referral overlay as clinical charts draw it
// (essential zone solid red, spillover zone red stipple), baked ambient occlusion, the client's pain drawing (blue hatching, so
// that it and a trigger point's red zones can be compared on the same skin) and two output modes:
//   uPass == 0: opaque surfaces, colour to attachment 0;
//   uPass == 1: weighted blended order-independent transparency (McGuire & Bavoil 2013): premultiplied
//               colour times weight to attachment 0 (additive), coverage to attachment 1 (multiplicative).
in vec3 vWorldPosition;
in vec3 vViewPosition;
in vec3 vWorldNormal;
in vec3 vViewNormal;
in vec3 vWorldFibre;
in vec3 vViewFibre;
in vec2 vReferral;
in float vPain;
in float vOcclusion;
in float vAcross;
in float vTendon;

uniform int uPass;
uniform int uKind;            // 0 bone, 1 cartilage, 2 muscle, 3 tendon, 4 skin
uniform vec3 uBaseColour;     // linear albedo of the tissue
uniform vec4 uTint;           // rgb, amount: colour mix for highlights and user colours
uniform float uHighlight;     // 0..1: rim glow of the selected or hovered structure
uniform float uOpacity;       // 0..1 for translucent (non-ghost) surfaces in the transparency pass
uniform int uGhost;           // 1: x-ray look, mostly transparent, brighter at grazing angles
uniform float uGhostOpacity;  // alpha of a ghosted surface seen face-on
uniform float uStippleCell;   // spillover dot spacing in framebuffer pixels
uniform vec3 uReferralColour; // linear red of the referral zones
uniform vec3 uPainColour;     // linear blue of the client's pain drawing
uniform vec3 uTendonColour;   // linear albedo of tendon and aponeurosis, where a muscle turns into them

layout(location = 0) out vec4 outColour;
layout(location = 1) out vec4 outReveal;

const float kPi = 3.14159265;
const vec3 kSelectionColour = vec3(0.02, 0.62, 0.42); // linear teal-green

// Stripes along the fibres from a coordinate across them (metres): fine fibres and, stronger, the narrow
// grooves between fascicles (spaced a little irregularly, as real bundles are). Each fades out where it
// would alias, so a distant muscle is smooth rather than noisy.
float fibreStripes(float a)
{
    float fine = 2.0 * kPi * a / 0.0016;
    float fineFade = 1.0 - smoothstep(0.8, 2.5, fwidth(fine));
    float bundle = 2.0 * kPi * a / 0.0045;
    bundle += 0.9 * sin(bundle * 0.27);
    float bundleFade = 1.0 - smoothstep(0.8, 2.5, fwidth(bundle));
    float groove = pow(0.5 + 0.5 * cos(bundle), 8.0);
    return 1.0 - 0.07 * fineFade * (0.5 + 0.5 * sin(fine)) - 0.30 * bundleFade * groove;
}

// Tendon and aponeurosis: collagen bundles packed close, so only faint fine lines along the fibres.
float tendonStripes(float a)
{
    float fine = 2.0 * kPi * a / 0.0009;
    float fade = 1.0 - smoothstep(0.8, 2.5, fwidth(fine));
    return 1.0 - 0.05 * fade * (0.5 + 0.5 * sin(fine));
}

float striation(vec3 n)
{
    // The baked coordinate across the sheet when there is one (our muscles): stripes that follow the fibres
    // and fan out with them.
    if (vAcross >= 0.0)
        return fibreStripes(vAcross);
    // Otherwise (imported models, the test scene): fine stripes from the position across the fibre
    // direction; they fade out on curved surfaces seen from afar, where that coordinate changes too fast.
    vec3 f = vWorldFibre;
    if (dot(f, f) < 1e-4)
        return 1.0;
    vec3 across = cross(normalize(f), n);
    float s = dot(vWorldPosition, across) * (2.0 * kPi / 0.0028);
    float w = fwidth(s);
    float fade = 1.0 - smoothstep(1.0, 3.0, w); // no stripes where they would alias
    return 1.0 - 0.10 * fade * (0.5 + 0.5 * sin(s));
}

// Baked ambient occlusion (vOcclusion, 1 = open), squared so that shallow hollows stay light and deep creases
// darken: it shadows all of the ambient light and most of the direct light (with camera-fixed lights and no
// shadow maps, only darkening the ambient would leave folds, gaps between muscles and the orbits nearly
// flat). Highlights are not: wet tissue glints in a crease too.
const float kDirectOcclusion = 0.7;

vec3 shade(vec3 albedo, vec3 n, vec3 v, float shininess, float specular, float wrap)
{
    float ao = clamp(vOcclusion, 0.0, 1.0);
    ao *= ao;
    float directAo = mix(1.0, ao, kDirectOcclusion);
    // Lights fixed to the camera: key (upper left front), fill (right), rim (behind, above).
    const vec3 keyDir = normalize(vec3(-0.55, 0.60, 0.55));
    const vec3 fillDir = normalize(vec3(0.65, 0.05, 0.45));
    const vec3 rimDir = normalize(vec3(0.10, 0.60, -0.80));
    const vec3 keyColour = vec3(1.00, 0.97, 0.92) * 1.05;
    const vec3 fillColour = vec3(0.80, 0.86, 1.00) * 0.30;
    const vec3 rimColour = vec3(1.0) * 0.35;

    vec3 colour = vec3(0.0);
    vec3 dirs[3] = vec3[3](keyDir, fillDir, rimDir);
    vec3 cols[3] = vec3[3](keyColour, fillColour, rimColour);
    for (int i = 0; i < 3; ++i) {
        vec3 l = dirs[i];
        float diffuse = max((dot(n, l) + wrap) / (1.0 + wrap), 0.0);
        vec3 h = normalize(l + v);
        float spec = pow(max(dot(n, h), 0.0), shininess) * specular * step(0.0, dot(n, l));
        colour += cols[i] * (albedo * diffuse * directAo + vec3(spec));
    }
    // Hemisphere ambient: a little warmer from above.
    float up = n.y * 0.5 + 0.5;
    colour += albedo * mix(vec3(0.06, 0.06, 0.08), vec3(0.16, 0.15, 0.14), up) * ao;
    return colour;
}

void main()
{
    vec3 n = normalize(vViewNormal);
    vec3 worldN = normalize(vWorldNormal);
    if (!gl_FrontFacing) { // open meshes and cut surfaces: light the back side too
        n = -n;
        worldN = -worldN;
    }
    vec3 v = normalize(-vViewPosition);

    vec3 albedo = uBaseColour;
    float fibres = 1.0; // striation factor, applied after the tints so a selected muscle keeps its fibres
    float shininess = 24.0;
    float specular = 0.08;
    float wrap = 0.0;
    if (uKind == 0) {          // bone: ivory, matte with a soft sheen
        shininess = 18.0;
        specular = 0.06;
    } else if (uKind == 1) {   // cartilage: glossy
        shininess = 48.0;
        specular = 0.20;
    } else if (uKind == 2) {   // muscle: red-brown with fibre striations and a sheen along the fibres,
        // turning pale and glossy where it becomes tendon or aponeurosis (vTendon)
        float tendon = smoothstep(0.0, 1.0, clamp(vTendon, 0.0, 1.0));
        float fleshy = striation(worldN);
        fibres = tendon > 0.0 && vAcross >= 0.0 ? mix(fleshy, tendonStripes(vAcross), tendon) : fleshy;
        albedo = mix(albedo, uTendonColour, tendon);
        shininess = mix(20.0, 60.0, tendon);
        specular = mix(0.05, 0.22, tendon);
    } else if (uKind == 3) {   // tendon: pale, silvery
        shininess = 60.0;
        specular = 0.22;
    } else {                   // skin: warm, wrapped diffuse like light scattering under the surface
        wrap = 0.20;
        shininess = 14.0;
        specular = 0.05;
    }
    albedo = mix(albedo, uTint.rgb, uTint.a);
    // Selection and hover: a teal-green wash, a colour no tissue has (skin, muscle, tendon and bone are all
    // warm) and far from the red of the referral zones and the blue of the pain drawing.
    albedo = mix(albedo, kSelectionColour, 0.65 * uHighlight);
    albedo *= fibres;
    vec3 colour = shade(albedo, n, v, shininess, specular, wrap);

    // Muscle sheen along the fibres (Kajiya-Kay), in view space.
    if (uKind == 2 && dot(vViewFibre, vViewFibre) > 1e-4) {
        vec3 t = normalize(vViewFibre);
        vec3 h = normalize(normalize(vec3(-0.45, 0.55, 0.70)) + v);
        float th = dot(t, h);
        vec3 sheen = mix(vec3(0.06, 0.05, 0.05), vec3(0.16, 0.16, 0.15), clamp(vTendon, 0.0, 1.0)); // tendon: silvery
        colour += sheen * pow(sqrt(max(1.0 - th * th, 0.0)), 40.0);
    }

    // Selection rim glow: a bright teal outline along the silhouette.
    float rim = pow(1.0 - max(dot(n, v), 0.0), 2.5);
    colour += uHighlight * rim * vec3(0.15, 1.10, 0.80);

    // X-ray look of a ghosted surface: desaturated, cool, brighter rim. Done before the referral paint so
    // zones on a ghosted skin keep their full red.
    if (uPass == 1 && uGhost == 1) {
        colour = mix(colour, vec3(dot(colour, vec3(0.3, 0.5, 0.2))) * vec3(0.85, 0.92, 1.05), 0.5);
        colour += 0.25 * rim * vec3(0.7, 0.85, 1.0);
    }

    // Referral overlay: essential = solid red, spillover = red stipple; soft edges from the weights.
    float referral = 0.0;
    if (vReferral.x + vReferral.y > 0.01) {
        float essential = smoothstep(0.25, 0.75, vReferral.x);
        float spill = clamp(vReferral.y, 0.0, 1.0);
        vec2 cell = gl_FragCoord.xy / uStippleCell;
        cell.x += 0.5 * mod(floor(cell.y), 2.0); // staggered rows, like a printed stipple
        vec2 local = fract(cell) - 0.5;
        float radius = mix(0.16, 0.34, smoothstep(0.2, 0.9, spill));
        float aa = 1.0 / uStippleCell;
        float dotMask = 1.0 - smoothstep(radius - aa, radius + aa, length(local));
        float stipple = dotMask * smoothstep(0.12, 0.40, spill);
        referral = max(essential * 0.92, stipple * 0.95);
        vec3 red = shade(uReferralColour, n, v, 16.0, 0.04, 0.3);
        colour = mix(colour, red, referral);
    }

    // Pain drawing: diagonal hatching whose lines thicken with the intensity, over a light blue wash;
    // where it overlaps a red zone both stay visible.
    float pain = 0.0;
    if (vPain > 0.01) {
        float level = clamp(vPain, 0.0, 1.0);
        float u = (gl_FragCoord.x + gl_FragCoord.y) / (uStippleCell * 0.9);
        float line = abs(fract(u) - 0.5);
        float width = mix(0.12, 0.30, level);
        float aa = 1.0 / uStippleCell;
        float hatch = 1.0 - smoothstep(width - aa, width + aa, line);
        float edge = smoothstep(0.02, 0.25, level);
        pain = edge * max(hatch * 0.95, 0.22 * (1.0 - referral));
        vec3 blue = shade(uPainColour, n, v, 16.0, 0.04, 0.3);
        colour = mix(colour, blue, pain);
    }

    if (uPass == 0) {
        outColour = vec4(colour, 1.0);
        outReveal = vec4(0.0);
        return;
    }

    float alpha = uOpacity;
    if (uGhost == 1) {
        float facing = abs(dot(n, v));
        // Nearly clear face-on, denser at the silhouette: outlines read, what lies beneath shows.
        alpha = mix(uGhostOpacity * 4.0, uGhostOpacity * 0.5, pow(facing, 0.8)) * uOpacity;
    }
    // Referral zones on a ghosted or translucent surface stay readable (deep zones glow through).
    alpha = max(alpha, max(referral, pain) * 0.9);
    alpha = clamp(alpha, 0.0, 1.0);
    float z = gl_FragCoord.z;
    float weight = clamp(pow(min(1.0, alpha * 10.0) + 0.01, 3.0) * 1e8 * pow(1.0 - z * 0.9, 3.0), 1e-2, 3e3);
    outColour = vec4(colour * alpha, alpha) * weight;
    outReveal = vec4(alpha);
}
