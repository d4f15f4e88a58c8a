"""Contains all the data models used in inputs/outputs"""

from .action import Action
from .action_request import ActionRequest
from .actor_kind import ActorKind
from .add_judge_request import AddJudgeRequest
from .add_member_request import AddMemberRequest
from .add_team_member_request import AddTeamMemberRequest
from .api_key_response import ApiKeyResponse
from .assignment_response import AssignmentResponse
from .audience import Audience
from .audit_entry_response import AuditEntryResponse
from .auto_assign_request import AutoAssignRequest
from .auto_assign_result import AutoAssignResult
from .award_response import AwardResponse
from .change_password_request import ChangePasswordRequest
from .competition_response import CompetitionResponse
from .competition_status import CompetitionStatus
from .conflict_kind import ConflictKind
from .conflict_response import ConflictResponse
from .count_ideas_sort import CountIdeasSort
from .count_response import CountResponse
from .create_api_key_request import CreateApiKeyRequest
from .create_assignment_request import CreateAssignmentRequest
from .create_award_request import CreateAwardRequest
from .create_competition_request import CreateCompetitionRequest
from .create_entry_request import CreateEntryRequest
from .create_idea_request import CreateIdeaRequest
from .create_organization_request import CreateOrganizationRequest
from .create_round_request import CreateRoundRequest
from .credential_kind import CredentialKind
from .criterion_input import CriterionInput
from .criterion_mean import CriterionMean
from .criterion_response import CriterionResponse
from .database_kind import DatabaseKind
from .declare_conflict_request import DeclareConflictRequest
from .entry_response import EntryResponse
from .entry_status import EntryStatus
from .feedback_comment import FeedbackComment
from .feedback_response import FeedbackResponse
from .grant_role_request import GrantRoleRequest
from .health import Health
from .health_status import HealthStatus
from .history_entry_response import HistoryEntryResponse
from .idea_links import IdeaLinks
from .idea_response import IdeaResponse
from .idea_status import IdeaStatus
from .intellectual_property import IntellectualProperty
from .ip_kind import IpKind
from .judge_response import JudgeResponse
from .judge_stats import JudgeStats
from .judged_entry import JudgedEntry
from .lang import Lang
from .leaderboard import Leaderboard
from .leaderboard_response import LeaderboardResponse
from .lifecycle_request import LifecycleRequest
from .lifecycle_step import LifecycleStep
from .list_ideas_sort import ListIdeasSort
from .list_organizations_sort import ListOrganizationsSort
from .login_request import LoginRequest
from .member_response import MemberResponse
from .method import Method
from .my_assignment_response import MyAssignmentResponse
from .my_ideas_sort import MyIdeasSort
from .org_role import OrgRole
from .organization_kind import OrganizationKind
from .organization_response import OrganizationResponse
from .page_audit_entry_response import PageAuditEntryResponse
from .page_competition_response import PageCompetitionResponse
from .page_idea_list_item import PageIdeaListItem
from .page_member_response import PageMemberResponse
from .page_my_assignment_response import PageMyAssignmentResponse
from .page_organization_response import PageOrganizationResponse
from .page_search_hit_response import PageSearchHitResponse
from .page_user_response import PageUserResponse
from .problem import Problem
from .problem_code import ProblemCode
from .problem_field_error import ProblemFieldError
from .problem_type import ProblemType
from .refresh_request import RefreshRequest
from .register_request import RegisterRequest
from .reopen_request import ReopenRequest
from .replace_criteria_request import ReplaceCriteriaRequest
from .results_response import ResultsResponse
from .role import Role
from .round_feedback import RoundFeedback
from .round_parameters import RoundParameters
from .round_response import RoundResponse
from .round_result import RoundResult
from .round_status import RoundStatus
from .row import Row
from .scope import Scope
from .score_value import ScoreValue
from .search_everything_sort import SearchEverythingSort
from .search_hit_response import SearchHitResponse
from .search_kind import SearchKind
from .sector import Sector
from .sector_response import SectorResponse
from .selection import Selection
from .selection_response import SelectionResponse
from .sheet_request import SheetRequest
from .sheet_response import SheetResponse
from .sheet_status import SheetStatus
from .short_entry import ShortEntry
from .stage import Stage
from .state_name import StateName
from .team_member_response import TeamMemberResponse
from .team_role import TeamRole
from .token_response import TokenResponse
from .tombstone import Tombstone
from .update_idea_request import UpdateIdeaRequest
from .update_me_request import UpdateMeRequest
from .update_member_request import UpdateMemberRequest
from .update_organization_request import UpdateOrganizationRequest
from .user_response import UserResponse
from .visibility import Visibility
from .who_am_i import WhoAmI

__all__ = (
    "Action",
    "ActionRequest",
    "ActorKind",
    "AddJudgeRequest",
    "AddMemberRequest",
    "AddTeamMemberRequest",
    "ApiKeyResponse",
    "AssignmentResponse",
    "Audience",
    "AuditEntryResponse",
    "AutoAssignRequest",
    "AutoAssignResult",
    "AwardResponse",
    "ChangePasswordRequest",
    "CompetitionResponse",
    "CompetitionStatus",
    "ConflictKind",
    "ConflictResponse",
    "CountIdeasSort",
    "CountResponse",
    "CreateApiKeyRequest",
    "CreateAssignmentRequest",
    "CreateAwardRequest",
    "CreateCompetitionRequest",
    "CreateEntryRequest",
    "CreateIdeaRequest",
    "CreateOrganizationRequest",
    "CreateRoundRequest",
    "CredentialKind",
    "CriterionInput",
    "CriterionMean",
    "CriterionResponse",
    "DatabaseKind",
    "DeclareConflictRequest",
    "EntryResponse",
    "EntryStatus",
    "FeedbackComment",
    "FeedbackResponse",
    "GrantRoleRequest",
    "Health",
    "HealthStatus",
    "HistoryEntryResponse",
    "IdeaLinks",
    "IdeaResponse",
    "IdeaStatus",
    "IntellectualProperty",
    "IpKind",
    "JudgedEntry",
    "JudgeResponse",
    "JudgeStats",
    "Lang",
    "Leaderboard",
    "LeaderboardResponse",
    "LifecycleRequest",
    "LifecycleStep",
    "ListIdeasSort",
    "ListOrganizationsSort",
    "LoginRequest",
    "MemberResponse",
    "Method",
    "MyAssignmentResponse",
    "MyIdeasSort",
    "OrganizationKind",
    "OrganizationResponse",
    "OrgRole",
    "PageAuditEntryResponse",
    "PageCompetitionResponse",
    "PageIdeaListItem",
    "PageMemberResponse",
    "PageMyAssignmentResponse",
    "PageOrganizationResponse",
    "PageSearchHitResponse",
    "PageUserResponse",
    "Problem",
    "ProblemCode",
    "ProblemFieldError",
    "ProblemType",
    "RefreshRequest",
    "RegisterRequest",
    "ReopenRequest",
    "ReplaceCriteriaRequest",
    "ResultsResponse",
    "Role",
    "RoundFeedback",
    "RoundParameters",
    "RoundResponse",
    "RoundResult",
    "RoundStatus",
    "Row",
    "Scope",
    "ScoreValue",
    "SearchEverythingSort",
    "SearchHitResponse",
    "SearchKind",
    "Sector",
    "SectorResponse",
    "Selection",
    "SelectionResponse",
    "SheetRequest",
    "SheetResponse",
    "SheetStatus",
    "ShortEntry",
    "Stage",
    "StateName",
    "TeamMemberResponse",
    "TeamRole",
    "TokenResponse",
    "Tombstone",
    "UpdateIdeaRequest",
    "UpdateMemberRequest",
    "UpdateMeRequest",
    "UpdateOrganizationRequest",
    "UserResponse",
    "Visibility",
    "WhoAmI",
)
