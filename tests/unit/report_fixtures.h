#pragma once
// A realistic client and session for the report and FHIR tests: an accented name, two findings (one
// treated), pain in two regions, an NDI, an addendum.
#include "core/records/records.h"

namespace ta::test {

inline core::records::Client sampleClient()
{
    core::records::Client c;
    c.id = core::records::ClientId("3f8e2a10-5b7c-4d2e-9a41-0c6b8d3e7f21");
    c.name = "Zoë Ångström-Nuñez";
    c.reference = "TA-2026-017";
    c.dateOfBirth = "1984-07-09";
    return c;
}

inline core::records::SessionRecord sampleSession()
{
    using namespace core::records;
    SessionRecord r;
    Session& s = r.session;
    s.id = SessionId("a1c2e3f4-0b1d-4c5e-8f70-112233445566");
    s.client = sampleClient().id;
    s.dateTime = "2026-03-14T10:30";
    s.reason = "Right-sided headache behind the temple, three days a week";
    s.painBefore = 6;
    s.painAfter = 3;
    s.soap = {"Headaches since January, worse after screen work.", "Taut band in right upper trapezius.",
              "Referral pattern matches upper trapezius TrP1.", "Twice weekly for three weeks; home stretch."};
    s.techniques = {"Trigger point pressure release", "Post-isometric relaxation"};

    Finding a;
    a.id = FindingId("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    a.session = s.id;
    a.structure = "trapezius-descending-right";
    a.triggerPoint = "trapezius.upper.trp1";
    a.state = FindingState::Active;
    a.severity = 7;
    a.treated = true;
    a.technique = "Ischaemic compression";
    a.treatedSeconds = 90;
    a.note = "Reproduced the temple pain";
    Finding b;
    b.id = FindingId("5d4c3b2a-1f0e-4d9c-8b7a-695847362514");
    b.session = s.id;
    b.structure = "sternocleidomastoid-sternal-right";
    b.state = FindingState::Latent;
    b.severity = 4;
    b.carriedOver = true;
    r.findings = {a, b};

    PainMark m1;
    m1.id = PainMarkId("11111111-2222-4333-8444-555555555555");
    m1.session = s.id;
    m1.region = "temple";
    m1.side = Side::Right;
    m1.intensity = 7;
    m1.quality = PainQuality::Throbbing;
    PainMark m2 = m1;
    m2.id = PainMarkId("11111111-2222-4333-8444-666666666666");
    m2.intensity = 5;
    m2.quality = PainQuality::Aching;
    PainMark m3;
    m3.id = PainMarkId("11111111-2222-4333-8444-777777777777");
    m3.session = s.id;
    m3.structure = "skin";
    m3.intensity = 4;
    m3.coveredRegions = {"forehead"};
    r.painMarks = {m1, m2, m3};

    QuestionnaireResponse q;
    q.id = QuestionnaireId("99999999-8888-4777-8666-555555555555");
    q.session = s.id;
    q.kind = QuestionnaireKind::Ndi;
    q.answers = {2, 1, 1, 2, 3, 1, 1, 1, 1, 1};
    r.questionnaires = {q};

    Addendum ad;
    ad.id = AddendumId("77777777-6666-4555-8444-333333333333");
    ad.session = s.id;
    ad.at = "2026-03-15T08:00:00Z";
    ad.author = "Jo Therapist";
    ad.text = "Client phoned: headache-free the day after.";
    r.addenda = {ad};
    return r;
}

} // namespace ta::test
