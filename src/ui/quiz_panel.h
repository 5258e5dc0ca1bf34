#pragma once
// The quiz window (teaching mode): choose a built-in set or a practice level, name the student, answer
// each question (click, paint with the brush, type or choose), see the feedback with the right answer
// shown on the model, the summary, and the mastery per muscle. Everything goes through
// session::QuizSession (session/study/quiz_session.h); this file only lays it out.
#include "session/app_session.h"
#include "ui/ui_state.h"

namespace ta::ui {
void drawQuizPanel(session::AppSession& s, UiState& ui);
} // namespace ta::ui
