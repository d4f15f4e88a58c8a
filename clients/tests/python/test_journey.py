"""The judging journey through the generated Python client only: accounts and roles, an
organisation and ideas, a competition run end to end (round and criteria, entries, judges,
assignment, sheets, finalising and publishing), the results read anonymously, and an error
read as a typed problem."""

from sonla_client import AuthenticatedClient, Client
from sonla_client.api.auth import login, register
from sonla_client.api.competitions import (
    add_judge,
    create_competition,
    create_entry,
    create_round,
    get_competition,
    get_results,
    take_step,
)
from sonla_client.api.ideas import act_on_idea, create_idea
from sonla_client.api.judging import auto_assign, save_sheet, submit_sheet
from sonla_client.api.me import my_assignments
from sonla_client.api.organizations import create_organization
from sonla_client.api.users import grant_role
from sonla_client.models import (
    Action,
    AddJudgeRequest,
    Audience,
    AutoAssignRequest,
    CompetitionStatus,
    CreateCompetitionRequest,
    CreateEntryRequest,
    CreateIdeaRequest,
    CreateOrganizationRequest,
    CreateRoundRequest,
    CriterionInput,
    GrantRoleRequest,
    LifecycleStep,
    LoginRequest,
    Method,
    OrganizationKind,
    Problem,
    RegisterRequest,
    Role,
    ScoreValue,
    Sector,
    SheetRequest,
    SheetStatus,
    Stage,
    Visibility,
)

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD

PASSWORD = "mật khẩu đủ dài cho thử nghiệm"


def signed_in(base: str, email: str, password: str = PASSWORD) -> AuthenticatedClient:
    tokens = login.sync(client=Client(base_url=base), body=LoginRequest(email=email, password=password))
    assert not isinstance(tokens, Problem), tokens
    return AuthenticatedClient(base_url=base, token=tokens.access_token)


def account(base: str, admin: AuthenticatedClient, email: str, name: str, role: Role | None = None):
    user = register.sync(
        client=Client(base_url=base),
        body=RegisterRequest(email=email, password=PASSWORD, full_name=name),
    )
    assert not isinstance(user, Problem), user
    if role is not None:
        granted = grant_role.sync(user.id, client=admin, body=GrantRoleRequest(role=role))
        assert not isinstance(granted, Problem), granted
    return user, signed_in(base, email)


def ok(answer):
    assert answer is not None and not isinstance(answer, Problem), answer
    return answer


def test_a_competition_from_registration_to_published_results(server):
    admin = signed_in(server, ADMIN_EMAIL, ADMIN_PASSWORD)
    _, officer = account(server, admin, "can.bo@sokhcn.sonla.gov.vn", "Cầm Thị Bình", Role.OFFICER)
    judges = [
        account(server, admin, f"giam.khao{i}@utb.edu.vn", f"Giám khảo {i}", Role.JUDGE)
        for i in range(2)
    ]
    leads = [account(server, admin, f"truong.nhom{i}@utb.edu.vn", f"Trưởng nhóm {i}") for i in range(2)]

    # A club and its members' ideas, submitted.
    club = ok(create_organization.sync(
        client=leads[0][1],
        body=CreateOrganizationRequest(name="CLB Khởi nghiệp Đại học Tây Bắc", kind=OrganizationKind.CLUB),
    ))
    ideas = []
    for i, (_, lead) in enumerate(leads):
        idea = ok(create_idea.sync(client=lead, body=CreateIdeaRequest(
            title=["Sấy lạnh mận hậu Mộc Châu", "Du lịch cộng đồng bản Áng"][i],
            summary="Một ý tưởng khởi nghiệp của sinh viên",
            sector=Sector.AGRICULTURE if i == 0 else Sector.TOURISM,
            stage=Stage.PROTOTYPE,
            visibility=Visibility.PUBLIC,
            organization_id=club.id if i == 0 else None,
        )))
        ok(act_on_idea.sync(idea.id, Action.SUBMIT, client=lead))
        ideas.append(idea)

    # The competition: a round of two criteria, open for entries, then judged.
    competition = ok(create_competition.sync(client=officer, body=CreateCompetitionRequest(
        title="Cuộc thi Ý tưởng khởi nghiệp sinh viên Sơn La 2026", audience=Audience.STUDENTS,
    )))
    round_ = ok(create_round.sync(competition.id, client=officer, body=CreateRoundRequest(
        name="Vòng sơ khảo",
        method=Method.MEAN,
        judges_per_entry=2,
        blind=True,
        criteria=[
            CriterionInput(name="Tính mới", weight=2, max_score=10),
            CriterionInput(name="Khả thi", weight=1, max_score=5),
        ],
    )))
    ok(take_step.sync(competition.id, LifecycleStep.OPEN, client=officer))
    entries = [
        ok(create_entry.sync(competition.id, client=lead, body=CreateEntryRequest(idea_id=idea.id)))
        for idea, (_, lead) in zip(ideas, leads)
    ]
    for judge, _ in judges:
        ok(add_judge.sync(competition.id, client=officer, body=AddJudgeRequest(user_id=judge.id)))
    ok(take_step.sync(competition.id, LifecycleStep.START_JUDGING, client=officer))
    made = ok(auto_assign.sync(round_.id, client=officer, body=AutoAssignRequest(seed=7)))
    assert len(made.assignments) == 4

    # Each judge scores both entries and submits.
    for j, (_, judge) in enumerate(judges):
        page = ok(my_assignments.sync(client=judge))
        assert len(page.items) == 2
        for n, task in enumerate(page.items):
            scores = [
                ScoreValue(criterion_id=c.id, value=min(c.max_score, 3 + j + n))
                for c in task.criteria
            ]
            sheet = ok(save_sheet.sync(task.id, client=judge, body=SheetRequest(scores=scores, comment="Góp ý")))
            assert sheet.status == SheetStatus.DRAFT
            submitted = ok(submit_sheet.sync(task.id, client=judge))
            assert submitted.status == SheetStatus.SUBMITTED

    # Finalised and published: the results, read by anyone.
    for step in (LifecycleStep.FINALISE, LifecycleStep.PUBLISH):
        ok(take_step.sync(competition.id, step, client=officer))
    results = ok(get_results.sync(competition.id, client=Client(base_url=server)))
    rows = results.rounds[0].leaderboard.rows
    assert len(rows) == 2
    assert rows[0].score >= rows[1].score
    assert {row.entry_id for row in rows} == {entry.id for entry in entries}

    # An illegal step is a typed problem naming the states allowed.
    problem = take_step.sync(competition.id, LifecycleStep.OPEN, client=officer)
    assert isinstance(problem, Problem), problem
    assert problem.code == "invalid_transition"
    assert problem.status == 409
    assert ok(get_competition.sync(competition.id, client=Client(base_url=server))).status == (
        CompetitionStatus.PUBLISHED
    )
