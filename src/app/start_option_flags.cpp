#include "app/start_option_flags.h"

namespace ta::app {

void addStartOptionFlags(CLI::App& cli, session::StartOptions& o)
{
    cli.add_option("--select", o.select, "Select and frame a structure, e.g. levator-scapulae-left");
    cli.add_option("--trigger-point", o.triggerPoint,
                   "Show a trigger point's referral, e.g. sternocleidomastoid.sternal.trp1-left");
    cli.add_option("--layers", o.layers, "Visible layers, e.g. skin,bone (skin, superficial, intermediate, deep, bone, muscles)");
    cli.add_option("--protocol", o.protocol, "Step through a treatment protocol, e.g. headache (trigger-atlas protocol list)");
    cli.add_option("--protocol-step", o.protocolStep, "The protocol's step to show first, from 1");
    cli.add_option("--protocol-side", o.protocolSide, "The side a protocol works on: left (default) or right");
    cli.add_option("--skin-tone", o.skinTone, "The skin's colour: light, medium or dark (remembered in the window)")
        ->check(CLI::IsMember({"light", "medium", "dark"}));
    cli.add_flag("--ghost", o.ghost, "X-ray the layers above the selection");
    cli.add_flag("--presentation", o.presentation, "Presentation mode: no panels, large caption");
    cli.add_flag("--referral-path", o.referralPath, "Draw the path from the trigger point to where it refers");
    cli.add_flag("--landmarks", o.landmarks, "Label the bony landmarks near the selection");
    cli.add_option("--tags", o.tags, "Look at a body-map file (JSON) instead of the client records");
    cli.add_option("--db", o.db, "The client records database (default: $TA_DB, else ~/.local/share/trigger-atlas/records.db)");
}

} // namespace ta::app
